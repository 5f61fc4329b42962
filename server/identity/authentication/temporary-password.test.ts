import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount } from '../../test/factories.ts'
import { rememberSecret } from '../../test/log-capture.ts'
import { logIn, postJson } from '../../test/login-helper.ts'
import { addProbeRoute, PROBE_URL } from '../../test/probe-route.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ extraRoutes: addProbeRoute })
})
afterAll(() => t.close())

describe('a temporary password (set by an administrator)', () => {
  it('allows nothing but the session routes until the password is changed', async () => {
    const account = await createAccount(t.db, { password_is_temporary: true })
    const session = await logIn(t, account)
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: session.headers.cookie } })

    const refused = await get(PROBE_URL)
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.code).toBe('password_change_required')
    expect((await get('/api/session')).json().mustChangePassword).toBe(true)

    const newPassword = rememberSecret('zeven blauwe fietsen staan stil bij de brug')
    const changed = await postJson(t, '/api/password/change', { currentPassword: account.password, newPassword }, session.headers)
    expect(changed.statusCode).toBe(200)
    expect((await get('/api/session')).json().mustChangePassword).toBe(false)
    expect((await get(PROBE_URL)).statusCode).toBe(200)
    const row = await t.db.selectFrom('account').select('password_is_temporary').where('id', '=', account.id).executeTakeFirstOrThrow()
    expect(row.password_is_temporary).toBe(false)
  })
})
