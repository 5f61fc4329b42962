import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount, createTermsVersion } from '../../test/factories.ts'
import { logIn, postJson } from '../../test/login-helper.ts'
import { addProbeRoute, PROBE_URL } from '../../test/probe-route.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

let t: TestApp
const now = new Date('2026-11-27T09:00:00Z')
beforeAll(async () => {
  t = await createTestApp({ now, extraRoutes: addProbeRoute })
})
afterAll(() => t.close())

function get(url: string, cookie: string) {
  return t.app.inject({ method: 'GET', url, headers: { cookie } })
}

describe('terms of use gate everything but the session routes', () => {
  it('before the current version is accepted only session routes work; accepting opens the rest', async () => {
    const first = await createTermsVersion(t.db, { published_at: new Date(now.getTime() - 3600_000) })
    const account = await createAccount(t.db)
    const session = await logIn(t, account)

    const refused = await get(PROBE_URL, session.headers.cookie)
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.code).toBe('terms_required')
    expect((await postJson(t, PROBE_URL, {}, session.headers)).json().error.code).toBe('terms_required')
    const state = await get('/api/session', session.headers.cookie)
    expect(state.statusCode).toBe(200)
    expect(state.json().mustAcceptTerms).toBe(true)
    expect((await postJson(t, '/api/session/keep-alive', {}, session.headers)).statusCode).toBe(200)
    expect((await get('/api/terms', session.headers.cookie)).json()).toMatchObject({ version: first.version, acceptedAt: null })

    const accepted = await postJson(t, '/api/terms/accept', { version: first.version }, session.headers)
    expect(accepted.statusCode).toBe(200)
    expect((await get(PROBE_URL, session.headers.cookie)).statusCode).toBe(200)
    expect((await get('/api/session', session.headers.cookie)).json().mustAcceptTerms).toBe(false)
    expect((await get('/api/terms', session.headers.cookie)).json().acceptedAt).toBe(now.toISOString())
  })

  it('asks again when a new version is published, and refuses accepting a version that is not current', async () => {
    const account = await createAccount(t.db)
    const session = await logIn(t, account)
    const current = await t.db.selectFrom('terms_version').select(['version']).orderBy('version', 'desc').executeTakeFirstOrThrow()
    await postJson(t, '/api/terms/accept', { version: current.version }, session.headers)
    expect((await get(PROBE_URL, session.headers.cookie)).statusCode).toBe(200)

    const next = await createTermsVersion(t.db, { published_at: now })
    expect((await get(PROBE_URL, session.headers.cookie)).json().error.code).toBe('terms_required')
    const old = await postJson(t, '/api/terms/accept', { version: current.version }, session.headers)
    expect(old.statusCode).toBe(409)
    expect((await postJson(t, '/api/terms/accept', { version: next.version }, session.headers)).statusCode).toBe(200)
    expect((await get(PROBE_URL, session.headers.cookie)).statusCode).toBe(200)
  })

  it('does not count a version whose publication date is still to come', async () => {
    const account = await createAccount(t.db)
    const session = await logIn(t, account)
    const current = await t.db.selectFrom('terms_version').select(['version']).orderBy('version', 'desc').executeTakeFirstOrThrow()
    await postJson(t, '/api/terms/accept', { version: current.version }, session.headers)
    await createTermsVersion(t.db, { published_at: new Date(now.getTime() + 24 * 3600_000) })
    expect((await get(PROBE_URL, session.headers.cookie)).statusCode).toBe(200)
  })

  it('keeps the terms readable without logging in, and accepting needs a session and the CSRF token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/terms' })
    expect(res.statusCode).toBe(200)
    expect(res.json().acceptedAt).toBeNull()
    expect((await postJson(t, '/api/terms/accept', { version: 1 })).statusCode).toBe(401)
    const session = await logIn(t, await createAccount(t.db))
    expect((await postJson(t, '/api/terms/accept', { version: 1 }, { cookie: session.headers.cookie })).statusCode).toBe(403)
  })
})
