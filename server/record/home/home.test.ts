import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCarePlanPrint, createMessage } from '../../test/care-record-factories.ts'
import { createClient, createLink, createReport, createStaffMember, createSubscription } from '../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../test/factories.ts'
import { type LoggedIn, logIn } from '../../test/login-helper.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { verifyAccessLogChain } from '../../platform/access-log/access-log-verify.service.ts'

const now = new Date('2026-11-25T12:00:00Z')
const activatedAt = new Date('2026-06-01T00:00:00Z')
const BSN = '111222333'
let t: TestApp
let login: LoggedIn
let limited: LoggedIn
let clientId: string
let linkId: string
const ids: Record<string, string> = {}

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db)
  const account = await createAccount(t.db)
  const reader = await createAccount(t.db)
  const client = await createClient(t.db, { cipher: t.cipher, bsn: BSN, gender: 'female', initials: 'S.', name_prefix: 'uit de', family_name: 'Jordaan', date_of_birth: '1950-11-26' })
  clientId = client.id
  linkId = (await createLink(t.db, account.id, client.id, { activated_at: activatedAt })).id
  await createLink(t.db, reader.id, client.id, { activated_at: new Date('2026-11-21T00:00:00Z'), may_use_messages: false, may_read_profile: false, may_use_appointments: false })
  const evv = await createStaffMember(t.db, { name: 'Sanne Verhoeven' })
  ids.report = (await createReport(t.db, client.id, { reported_at: new Date('2026-11-20T08:00:00Z'), body: 'Zichtbaar' })).id
  // Newer, but hidden from the portal.
  await createReport(t.db, client.id, { reported_at: new Date('2026-11-24T08:00:00Z'), body: 'Verborgen', visible_in_portal: false })
  for (let day = 1; day <= 4; day++) {
    await createMessage(t.db, client.id, { author_staff_id: evv.id, body: `Bericht ${day}`, created_at: new Date(`2026-11-0${day}T10:00:00Z`) })
  }
  ids.print = (await createCarePlanPrint(t.db, client.id, { plan_date: '2026-10-11', signed_on: '2026-10-12' })).id
  await createCarePlanPrint(t.db, client.id, { plan_date: '2025-10-11' })
  for (const service of ['Kapper', 'Pedicure', 'Krant', 'Wasservice']) await createSubscription(t.db, client.id, { service, starts_on: '2019-01-01' })
  await createSubscription(t.db, client.id, { service: 'Telefoon', starts_on: '2018-01-01', ends_on: '2020-01-01' })
  login = await logIn(t, account)
  limited = await logIn(t, reader)
})
afterAll(() => t.close())

describe('GET /api/clients/:clientId/home', () => {
  it('answers every card in one request: newest visible report, 3 messages with unread count, newest print, profile, 3 subscriptions', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/home`, headers: login.headers })
    expect(res.statusCode, res.body).toBe(200)
    const home = res.json()
    expect(home.reports.newest).toMatchObject({ id: ids.report, text: 'Zichtbaar' })
    expect(home.messages.newest.map((m: { body: string }) => m.body)).toEqual(['Bericht 4', 'Bericht 3', 'Bericht 2'])
    expect(home.messages.unreadCount).toBe(4)
    expect(home.carePlanPrints.newest).toMatchObject({ id: ids.print, planDate: '2026-10-11', signedOn: '2026-10-12' })
    expect(home.appointments).toEqual({ today: [], tomorrow: [] })
    // Turns 76 tomorrow.
    expect(home.profile).toEqual({ name: 'mw. S. uit de Jordaan', dateOfBirth: '1950-11-26', age: 75 })
    expect(home.subscriptions.items).toHaveLength(3)
    expect(home.subscriptions.total).toBe(5)
    expect(home.subscriptions.items.map((s: { service: string }) => s.service)).not.toContain('Telefoon')
    expect(res.body).not.toContain(BSN)
    expect(res.body).not.toContain('Verborgen')
  })

  it('writes one access-log row per card, each with the link', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/home`, headers: login.headers })
    const rows = await t.db.selectFrom('access_log').select(['data_kind', 'on_behalf_link_id', 'action']).where('request_id', '=', String(res.headers['x-request-id'])).execute()
    expect(rows.map((r) => r.data_kind).sort()).toEqual(['appointment', 'care_plan_print', 'home', 'message', 'profile', 'report', 'subscription'])
    expect(rows.every((r) => r.on_behalf_link_id === linkId && r.action === 'read')).toBe(true)
  })

  it('logs every card of concurrent requests (their rows committed together by the group commit) and keeps the chain whole', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/home`, headers: login.headers })))
    for (const res of answers) {
      expect(res.statusCode, res.body).toBe(200)
      const rows = await t.db.selectFrom('access_log').select(['data_kind', 'on_behalf_link_id']).where('request_id', '=', String(res.headers['x-request-id'])).execute()
      expect(rows.map((r) => r.data_kind).sort()).toEqual(['appointment', 'care_plan_print', 'home', 'message', 'profile', 'report', 'subscription'])
      expect(rows.every((r) => r.on_behalf_link_id === linkId)).toBe(true)
    }
    expect(await verifyAccessLogChain(t.db)).toMatchObject({ intact: true })
  })

  it('leaves out the cards the link may not open', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/home`, headers: limited.headers })
    expect(res.statusCode, res.body).toBe(200)
    expect(Object.keys(res.json()).sort()).toEqual(['carePlanPrints', 'reports', 'subscriptions'])
    // Activated on 21 November: the visible report of the 20th is from before, the one after is hidden.
    expect(res.json().reports.newest).toBeNull()
  })
})
