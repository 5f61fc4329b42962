import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isCalendarDate, isSaneDateTime } from '../../../shared/schemas/dates.ts'
import { createClient, createLink } from '../../test/client-record-factories.ts'
import { createAccount } from '../../test/factories.ts'
import { type LoggedIn, logIn, postJson } from '../../test/login-helper.ts'
import { createStaffAccount, logInStaff } from '../../test/staff-factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { createClientOfTeam, createTeamWithCaregivers } from '../../test/workspace-factories.ts'

/**
 * Issue 9 item 6, case by case: each input the outside probe found answered 500 (or stored
 * changed), now refused with 400 validation_failed before it reaches PostgreSQL.
 */

let t: TestApp
let portal: LoggedIn
let caregiver: LoggedIn
let admin: LoggedIn
let clientId: string
let caredClientId: string

beforeAll(async () => {
  t = await createTestApp()
  const now = new Date()
  const client = await createClient(t.db)
  clientId = client.id
  const person = await createAccount(t.db)
  await createLink(t.db, person.id, client.id, { relation: 'self' })
  portal = await logIn(t, person)
  const { team, caregivers } = await createTeamWithCaregivers(t.db, t.cipher, 1)
  caredClientId = (await createClientOfTeam(t.db, team.id)).id
  caregiver = await logInStaff(t, caregivers[0]!, now)
  const administrator = await createStaffAccount(t.db, t.cipher, { caregiver: false, administrator: true })
  admin = await logInStaff(t, administrator, now)
}, 60_000)

afterAll(async () => {
  await t?.close()
})

function get(url: string, login: LoggedIn) {
  return t.app.inject({ method: 'GET', url, headers: login.headers })
}

function expectRefused(res: { statusCode: number; body: string }) {
  expect(res.statusCode, res.body).toBe(400)
  expect(JSON.parse(res.body).error.code).toBe('validation_failed')
}

const cursor = (text: string) => Buffer.from(text, 'utf8').toString('base64url')

describe('NUL (U+0000) in any text input', () => {
  it.each([
    ['reports q', () => `/api/clients/${clientId}/reports?q=a%00b`, () => portal],
    ['admin accounts search', () => '/api/admin/accounts?search=a%00b', () => admin],
    ['admin clients search', () => '/api/admin/clients?search=%00', () => admin],
    ['admin staff search', () => '/api/admin/staff?search=x%00', () => admin],
    ['access log actorName', () => '/api/admin/access-log?actorName=a%00b', () => admin],
    ['access log actorId', () => '/api/admin/access-log?actorId=a%00b', () => admin],
    ['access log export actorName', () => '/api/admin/access-log/export.csv?actorName=a%00b', () => admin],
    ['workspace q', () => '/api/workspace/clients?q=a%00b', () => caregiver],
  ])('%s', async (_name, url, login) => {
    expectRefused(await get(url(), login()))
  })

  it.each(['/api/session', '/api/password/forgot'])('loginName on %s', async (url) => {
    expectRefused(await postJson(t, url, { loginName: 'anna\u0000', password: 'x'.repeat(12) }))
  })

  it('a lone surrogate (would be stored as U+FFFD) in a message', async () => {
    expectRefused(await postJson(t, `/api/clients/${clientId}/messages`, { body: 'Goedemorgen \ud800' }, portal.headers))
  })
})

describe('invalid UTF-8 in a JSON body', () => {
  it('is refused, not stored with U+FFFD', async () => {
    const payload = Buffer.concat([Buffer.from('{"body":"Goedemorgen '), Buffer.from([0xff, 0xfe]), Buffer.from('"}')])
    const res = await t.app.inject({ method: 'POST', url: `/api/clients/${clientId}/messages`, headers: { ...portal.headers, 'content-type': 'application/json' }, payload })
    expect(res.statusCode, res.body).toBe(400)
    const stored = await t.db.selectFrom('message').select('body').where('client_id', '=', clientId).execute()
    expect(stored).toEqual([])
  })

  it('keeps refusing prototype poisoning and accepting valid UTF-8', async () => {
    const poisoned = await t.app.inject({ method: 'POST', url: `/api/clients/${clientId}/messages`, headers: { ...portal.headers, 'content-type': 'application/json' }, payload: '{"body":"x","__proto__":{"isAdmin":true}}' })
    expect(poisoned.statusCode).toBe(400)
    const fine = await postJson(t, `/api/clients/${clientId}/messages`, { body: 'Dag zuster, tot morgen 😀 — ë' }, portal.headers)
    expect(fine.statusCode, fine.body).toBe(201)
  })
})

describe('numbers', () => {
  it.each(['1e309', '-1e309', 'Infinity'])('limit and offset %s are refused', async (value) => {
    expectRefused(await get(`/api/admin/accounts?limit=${value}`, admin))
    expectRefused(await get(`/api/admin/accounts?offset=${value}`, admin))
    expectRefused(await get(`/api/clients/${clientId}/messages?limit=${value}`, portal))
  })

  it('a JSON number too large for a double is refused in a body', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/clients/${clientId}/messages`, headers: { ...portal.headers, 'content-type': 'application/json' }, payload: '{"body":1e309}' })
    expectRefused(res)
  })
})

describe('dates', () => {
  it('dateOfBirth=0000-01-01 and impossible days are refused', async () => {
    for (const date of ['0000-01-01', '2026-02-30', '2026-13-01', '10000-01-01']) expectRefused(await get(`/api/workspace/clients?dateOfBirth=${date}`, caregiver))
    expect((await get('/api/workspace/clients?dateOfBirth=1940-03-15', caregiver)).statusCode).toBe(200)
  })

  it('search=2026-02-30 is searched as text, not compared as a date', async () => {
    const res = await get('/api/admin/clients?search=2026-02-30', admin)
    expect(res.statusCode, res.body).toBe(200)
  })

  it('a news item dated in year 0 is refused', async () => {
    const res = await postJson(t, '/api/admin/news', { title: 'Oud', body: 'Heel oud nieuws', publishFrom: '0000-01-01T00:00:00Z', publishUntil: null }, admin.headers)
    expectRefused(res)
    expect(await t.db.selectFrom('news_item').select('id').where('title', '=', 'Oud').execute()).toEqual([])
  })

  it('the shared checks know real days and times', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true)
    expect(isCalendarDate('2026-02-29')).toBe(false)
    expect(isCalendarDate('1899-12-31')).toBe(false)
    expect(isCalendarDate('2201-01-01')).toBe(false)
    expect(isSaneDateTime('2026-03-02T10:00:00.123456Z')).toBe(true)
    expect(isSaneDateTime('2026-03-02T10:00:00+01:00')).toBe(true)
    expect(isSaneDateTime('2026-03-02T24:00:00Z')).toBe(false)
    expect(isSaneDateTime('2026-03-02T23:59:60Z')).toBe(false)
    expect(isSaneDateTime('2026-03-02T10:00:00+25:00')).toBe(false)
  })
})

describe('cursors that decode to impossible times', () => {
  // Spelled as the server spells a cursor (a JSON array of its parts), so only the time is wrong.
  const impossible = [JSON.stringify(['2026-13-45T25:61:61.000000Z', randomUUID()]), JSON.stringify(['0000-01-01T00:00:00.000000Z', randomUUID()])]
  it.each(impossible)('%s on every keyset list', async (text) => {
    const c = cursor(text)
    expectRefused(await get(`/api/clients/${clientId}/messages?cursor=${c}`, portal))
    expectRefused(await get(`/api/clients/${clientId}/appointments?cursor=${c}`, portal))
    expectRefused(await get(`/api/clients/${clientId}/reports?cursor=${c}`, portal))
    expectRefused(await get(`/api/workspace/clients/${caredClientId}/messages?cursor=${c}`, caregiver))
    expectRefused(await get(`/api/workspace/clients/${caredClientId}/appointments?cursor=${c}`, caregiver))
    expectRefused(await get(`/api/workspace/clients/${caredClientId}/reports?cursor=${c}`, caregiver))
  })

  it('a client-list cursor with NUL in the name', async () => {
    expectRefused(await get(`/api/workspace/clients?cursor=${cursor(JSON.stringify(['Jan\u0000', randomUUID()]))}`, caregiver))
  })
})
