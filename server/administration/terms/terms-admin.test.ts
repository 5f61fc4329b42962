import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount, createOrganisation, createTermsVersion } from '../../test/factories.ts'
import { type LoggedIn, logIn } from '../../test/login-helper.ts'
import { createStaffAccount, logInStaff } from '../../test/staff-factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { send } from '../../identity/authentication/second-factors/second-factors.test-support.ts'

/** Publishing a new version of the terms of use asks every user again, the administrator too. */

const now = new Date('2026-11-25T12:00:00Z')
let t: TestApp
let admin: LoggedIn
let person: LoggedIn

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db)
  await createTermsVersion(t.db, { published_at: new Date('2026-01-01T00:00:00Z') })
  admin = await logInStaff(t, await createStaffAccount(t.db, t.cipher, { administrator: true }), now)
  person = await logIn(t, await createAccount(t.db))
  for (const who of [admin, person]) expect((await send(t, who, 'POST', '/api/terms/accept', { version: 1 })).statusCode).toBe(200)
})
afterAll(() => t.close())

const terms = 'Versie twee: u gebruikt het portaal alleen voor uzelf of voor wie u vertegenwoordigt.'

describe('/api/admin/terms', () => {
  it('publishes version 2 at once: the next request of every account must accept it first', async () => {
    expect((await send(t, person, 'GET', '/api/clients')).statusCode).toBe(200)
    const res = await send(t, admin, 'POST', '/api/admin/terms', { body: terms })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ version: 2, publishedAt: now.toISOString(), acceptedCount: 0 })
    const refused = await send(t, person, 'GET', '/api/clients')
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.code).toBe('terms_required')
    expect((await send(t, admin, 'GET', '/api/admin/terms')).json().error.code).toBe('terms_required')
    expect((await send(t, person, 'POST', '/api/terms/accept', { version: 2 })).statusCode).toBe(200)
    expect((await send(t, person, 'GET', '/api/clients')).statusCode).toBe(200)
    expect((await send(t, admin, 'POST', '/api/terms/accept', { version: 2 })).statusCode).toBe(200)
    const list = await send(t, admin, 'GET', '/api/admin/terms')
    expect(list.json().items.map((v: { version: number; acceptedCount: number }) => [v.version, v.acceptedCount])).toEqual([[2, 2], [1, 2]])
  })

  it('refuses a version number or date sent along', async () => {
    expect((await send(t, admin, 'POST', '/api/admin/terms', { body: terms, version: 9 })).statusCode).toBe(400)
    expect((await send(t, admin, 'POST', '/api/admin/terms', { body: terms, publishedAt: now.toISOString() })).statusCode).toBe(400)
  })
})
