import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppointment, createCarePlanPrint, createMessage } from '../../test/care-record-factories.ts'
import { createClient, createConsent, createLink } from '../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../test/factories.ts'
import { type LoggedIn, logIn } from '../../test/login-helper.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

/**
 * Authorization matrix of the client-record routes of part B (home, care-plan prints,
 * messages, appointments, electronic copy) × who asks: only the allowed cells succeed, every
 * other answers 404 (401 without a session); every successful request writes access-log rows
 * with the link it went through, every refused one a 'denied' row.
 */

const now = new Date('2026-11-25T12:00:00Z')
type Cell = 'own' | 'other' | 'ended' | 'withdrawn' | 'noPermission'
const CELLS: Cell[] = ['own', 'other', 'ended', 'withdrawn', 'noPermission']

interface Target { clientId: string; linkId: string | null; printId: string; messageId: string; appointmentId: string }
let t: TestApp
let login: LoggedIn
const targets = {} as Record<Cell, Target>
/** Per section: a client whose link lacks only that section's permission. */
const sectionOff = new Map<string, Target>()
const PERMISSION = { care_plan: 'may_read_care_plan', messages: 'may_use_messages', appointments: 'may_use_appointments' } as const

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db)
  const account = await createAccount(t.db)
  const stranger = await createAccount(t.db)
  for (const cell of CELLS) {
    const client = await createClient(t.db)
    let linkId: string | null = null
    if (cell === 'own') linkId = (await createLink(t.db, account.id, client.id)).id
    if (cell === 'other') await createLink(t.db, stranger.id, client.id)
    if (cell === 'ended') linkId = (await createLink(t.db, account.id, client.id, { ended_at: new Date('2026-11-24T12:00:00Z') })).id
    if (cell === 'withdrawn') {
      const consent = await createConsent(t.db, client.id, { withdrawn_at: new Date('2026-11-24T12:00:00Z') })
      linkId = (await createLink(t.db, account.id, client.id, { consent_id: consent.id })).id
    }
    if (cell === 'noPermission') {
      linkId = (await createLink(t.db, account.id, client.id, {
        may_read_reports: false, may_read_care_plan: false, may_use_appointments: false, may_use_messages: false, may_read_profile: false, may_read_subscriptions: false,
      })).id
    }
    const print = await createCarePlanPrint(t.db, client.id)
    const message = await createMessage(t.db, client.id, { author_account_id: cell === 'other' ? stranger.id : account.id })
    // The account's own appointment, wherever it still has one (the other client's is the stranger's).
    const appointment = await createAppointment(t.db, client.id, { created_by_account_id: cell === 'other' ? stranger.id : account.id })
    targets[cell] = { clientId: client.id, linkId, printId: print.id, messageId: message.id, appointmentId: appointment.id }
  }
  for (const [section, column] of Object.entries(PERMISSION)) {
    const client = await createClient(t.db)
    const link = await createLink(t.db, account.id, client.id, { [column]: false })
    const print = await createCarePlanPrint(t.db, client.id)
    const message = await createMessage(t.db, client.id, { author_account_id: account.id })
    const appointment = await createAppointment(t.db, client.id, { created_by_account_id: account.id })
    sectionOff.set(section, { clientId: client.id, linkId: link.id, printId: print.id, messageId: message.id, appointmentId: appointment.id })
  }
  login = await logIn(t, account)
})
afterAll(() => t.close())

const appointmentBody = { date: '2026-12-03', startTime: '14:00', endTime: '15:00', title: 'Bezoek', location: 'Kamer 12', withWhom: 'Marieke' }

interface RouteCase {
  name: string
  /** null: any active link may call it (the answer leaves out what the link may not see). */
  section: string | null
  read: boolean
  request: (target: Target) => { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; body?: unknown }
  ok: number
}

const ROUTES: RouteCase[] = [
  { name: 'home', section: null, read: true, ok: 200, request: (x) => ({ method: 'GET', url: `/api/clients/${x.clientId}/home` }) },
  { name: 'care-plan prints', section: 'care_plan', read: true, ok: 200, request: (x) => ({ method: 'GET', url: `/api/clients/${x.clientId}/care-plan-prints` }) },
  { name: 'print PDF', section: 'care_plan', read: true, ok: 200, request: (x) => ({ method: 'GET', url: `/api/clients/${x.clientId}/care-plan-prints/${x.printId}/print.pdf` }) },
  { name: 'signature sheet PDF', section: 'care_plan', read: true, ok: 200, request: (x) => ({ method: 'GET', url: `/api/clients/${x.clientId}/care-plan-prints/${x.printId}/signature-sheet.pdf` }) },
  { name: 'messages', section: 'messages', read: true, ok: 200, request: (x) => ({ method: 'GET', url: `/api/clients/${x.clientId}/messages` }) },
  { name: 'send message', section: 'messages', read: false, ok: 201, request: (x) => ({ method: 'POST', url: `/api/clients/${x.clientId}/messages`, body: { body: 'Hallo' } }) },
  { name: 'mark read', section: 'messages', read: false, ok: 200, request: (x) => ({ method: 'POST', url: `/api/clients/${x.clientId}/messages/read`, body: { upToMessageId: x.messageId } }) },
  { name: 'appointments', section: 'appointments', read: true, ok: 200, request: (x) => ({ method: 'GET', url: `/api/clients/${x.clientId}/appointments?period=upcoming` }) },
  { name: 'new appointment', section: 'appointments', read: false, ok: 201, request: (x) => ({ method: 'POST', url: `/api/clients/${x.clientId}/appointments`, body: appointmentBody }) },
  { name: 'change appointment', section: 'appointments', read: false, ok: 200, request: (x) => ({ method: 'PUT', url: `/api/clients/${x.clientId}/appointments/${x.appointmentId}`, body: appointmentBody }) },
  { name: 'cancel appointment', section: 'appointments', read: false, ok: 200, request: (x) => ({ method: 'DELETE', url: `/api/clients/${x.clientId}/appointments/${x.appointmentId}` }) },
  { name: 'copy JSON', section: null, read: true, ok: 200, request: (x) => ({ method: 'GET', url: `/api/clients/${x.clientId}/copy.json` }) },
  { name: 'copy PDF', section: null, read: true, ok: 200, request: (x) => ({ method: 'GET', url: `/api/clients/${x.clientId}/copy.pdf` }) },
]

function send(route: RouteCase, target: Target, headers: Record<string, string>) {
  const { method, url, body } = route.request(target)
  return t.app.inject({
    method, url,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  })
}

describe('authorization matrix, client record part B', () => {
  for (const route of ROUTES) {
    for (const cell of CELLS) {
      const allowed = cell === 'own' || (cell === 'noPermission' && route.section === null)
      it(`${route.name} × ${cell}: ${allowed ? route.ok : 404}`, async () => {
        const target = targets[cell]
        const res = await send(route, target, login.headers)
        expect(res.statusCode, res.body).toBe(allowed ? route.ok : 404)
        expect(res.headers['cache-control']).toBe('no-store')
        const rows = await t.db.selectFrom('access_log').select(['on_behalf_link_id', 'client_id', 'outcome', 'action'])
          .where('request_id', '=', String(res.headers['x-request-id'])).execute()
        if (allowed) {
          // Every successful request leaves at least one row, all naming the link it went through.
          expect(rows.length).toBeGreaterThan(0)
          for (const row of rows) expect(row).toMatchObject({ on_behalf_link_id: target.linkId, client_id: target.clientId, outcome: 'success' })
          if (route.read) expect(rows.some((row) => row.action === 'read' || row.action === 'export')).toBe(true)
        } else {
          expect(res.json().error.code).toBe('not_found')
          expect(rows.filter((row) => row.outcome === 'success')).toEqual([])
          // The refusal itself is on record, without naming a client.
          expect(rows).toContainEqual(expect.objectContaining({ outcome: 'denied', client_id: null }))
        }
      })
    }
    it(`${route.name} × link without only this section's permission: ${route.section === null ? route.ok : 404}`, async () => {
      const target = sectionOff.get(route.section ?? 'care_plan')!
      const res = await send(route, target, login.headers)
      expect(res.statusCode, res.body).toBe(route.section === null ? route.ok : 404)
    })
    it(`${route.name} × no session: 401`, async () => {
      const res = await send(route, targets.own, {})
      expect(res.statusCode, res.body).toBe(401)
    })
  }

  it('a link without permissions sees a home screen and a copy with no sections in them', async () => {
    const home = await t.app.inject({ method: 'GET', url: `/api/clients/${targets.noPermission.clientId}/home`, headers: login.headers })
    expect(home.json()).toEqual({})
    const copy = await t.app.inject({ method: 'GET', url: `/api/clients/${targets.noPermission.clientId}/copy.json`, headers: login.headers })
    expect(Object.keys(copy.json()).sort()).toEqual(['accessLog', 'client', 'generatedAt', 'link', 'organisation'])
  })

  it('ending the link closes the record on the very next request', async () => {
    const url = `/api/clients/${targets.own.clientId}/care-plan-prints`
    expect((await t.app.inject({ method: 'GET', url, headers: login.headers })).statusCode).toBe(200)
    await t.db.updateTable('client_link').set({ ended_at: now }).where('id', '=', targets.own.linkId).execute()
    expect((await t.app.inject({ method: 'GET', url, headers: login.headers })).statusCode).toBe(404)
    await t.db.updateTable('client_link').set({ ended_at: null }).where('id', '=', targets.own.linkId).execute()
  })
})
