import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppointment, createCarePlanPrint, createMessage, tinyPdf } from '../../test/care-record-factories.ts'
import { createCareAssignment, createLink, createReport, createStaffMember, createSubscription } from '../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../test/factories.ts'
import { type LoggedIn, logIn } from '../../test/login-helper.ts'
import { createStaffAccount, logInStaff } from '../../test/staff-factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { createClientOfTeam, createTeamWithCaregivers } from '../../test/workspace-factories.ts'

/**
 * Authorization matrix of every caregivers' workspace route × who asks (issue 5, "Done when";
 * security property 15): a caregiver of the client's team, a caregiver of another team, an
 * administrator-only staff member (even as a team member), a portal account linked to the
 * client, and no session. Only the first succeeds on a client's record; the others get 404
 * (401 without a session); every success writes access-log rows of actor type staff.
 */

const now = new Date('2026-11-25T12:00:00Z')
type Who = 'ownTeam' | 'otherTeam' | 'administrator' | 'portal'
const WHO: Who[] = ['otherTeam', 'administrator', 'portal', 'ownTeam']

let t: TestApp
const logins = {} as Record<Who, LoggedIn>
let ownCaregiverAccountId = ''
const x = { clientId: '', reportId: '', messageId: '', appointmentId: '', printId: '', assignmentId: '' }

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db)
  const own = await createTeamWithCaregivers(t.db, t.cipher, 1, 'Team Noord')
  const other = await createTeamWithCaregivers(t.db, t.cipher, 1, 'Team Zuid')
  const administrator = await createStaffAccount(t.db, t.cipher, { caregiver: false, administrator: true })
  // A member of the team, but without the caregiver role: administrators read no care content.
  await t.db.insertInto('team_membership').values({ team_id: own.team.id, staff_member_id: administrator.staffMemberId }).execute()
  const portal = await createAccount(t.db)
  const caregiver = own.caregivers[0]!
  ownCaregiverAccountId = caregiver.id

  const client = await createClientOfTeam(t.db, own.team.id, { cipher: t.cipher, bsn: '123456782' })
  await createClientOfTeam(t.db, other.team.id)
  await createLink(t.db, portal.id, client.id)
  x.clientId = client.id
  x.reportId = (await createReport(t.db, client.id, { author_staff_id: caregiver.staffMemberId, created_at: new Date('2026-11-25T10:00:00Z'), reported_at: new Date('2026-11-25T09:00:00Z') })).id
  x.messageId = (await createMessage(t.db, client.id, { author_account_id: portal.id })).id
  x.appointmentId = (await createAppointment(t.db, client.id, { created_by_account_id: portal.id })).id
  x.printId = (await createCarePlanPrint(t.db, client.id)).id
  const physio = await createStaffMember(t.db, { name: 'Peter de Fysio', discipline: 'Fysiotherapeut' })
  x.assignmentId = (await createCareAssignment(t.db, client.id, { role: 'practitioner', staff_member_id: physio.id })).id
  await createSubscription(t.db, client.id)

  logins.ownTeam = await logInStaff(t, caregiver, now)
  logins.otherTeam = await logInStaff(t, other.caregivers[0]!, now)
  logins.administrator = await logInStaff(t, administrator, now)
  logins.portal = await logIn(t, portal)
})
afterAll(() => t.close())

const appointmentBody = { date: '2026-12-03', startTime: '14:00', endTime: '15:00', title: 'Tandarts', location: 'Kamer 12', withWhom: 'Tandarts Jansen' }
const reportBody = { reportedAt: '2026-11-25T11:30:00Z', carePlanGoal: 'Mevrouw eet voldoende', text: 'Mevrouw heeft goed gegeten.', visibleInPortal: true }

interface RouteCase {
  name: string
  request: () => { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; body?: unknown }
  ok: number
}

const c = () => `/api/workspace/clients/${x.clientId}`
const ROUTES: RouteCase[] = [
  { name: 'client heading', ok: 200, request: () => ({ method: 'GET', url: c() }) },
  { name: 'reports', ok: 200, request: () => ({ method: 'GET', url: `${c()}/reports` }) },
  { name: 'reports as the portal shows them', ok: 200, request: () => ({ method: 'GET', url: `${c()}/reports?view=portal` }) },
  { name: 'write report', ok: 201, request: () => ({ method: 'POST', url: `${c()}/reports`, body: reportBody }) },
  { name: 'correct report', ok: 200, request: () => ({ method: 'PUT', url: `${c()}/reports/${x.reportId}`, body: { ...reportBody, text: 'Gecorrigeerd.' } }) },
  { name: 'report versions', ok: 200, request: () => ({ method: 'GET', url: `${c()}/reports/${x.reportId}/versions` }) },
  { name: 'messages', ok: 200, request: () => ({ method: 'GET', url: `${c()}/messages` }) },
  { name: 'reply', ok: 201, request: () => ({ method: 'POST', url: `${c()}/messages`, body: { body: 'Dank u, we komen erop terug.' } }) },
  { name: 'mark read', ok: 200, request: () => ({ method: 'POST', url: `${c()}/messages/read`, body: { upToMessageId: x.messageId } }) },
  { name: 'appointments', ok: 200, request: () => ({ method: 'GET', url: `${c()}/appointments` }) },
  { name: 'new appointment', ok: 201, request: () => ({ method: 'POST', url: `${c()}/appointments`, body: appointmentBody }) },
  { name: 'change appointment', ok: 200, request: () => ({ method: 'PUT', url: `${c()}/appointments/${x.appointmentId}`, body: appointmentBody }) },
  { name: 'cancel appointment', ok: 200, request: () => ({ method: 'DELETE', url: `${c()}/appointments/${x.appointmentId}` }) },
  { name: 'care-plan prints', ok: 200, request: () => ({ method: 'GET', url: `${c()}/care-plan-prints` }) },
  { name: 'print PDF', ok: 200, request: () => ({ method: 'GET', url: `${c()}/care-plan-prints/${x.printId}/print.pdf` }) },
  { name: 'signature sheet PDF', ok: 200, request: () => ({ method: 'GET', url: `${c()}/care-plan-prints/${x.printId}/signature-sheet.pdf` }) },
  {
    name: 'upload print', ok: 201,
    request: () => ({ method: 'POST', url: `${c()}/care-plan-prints`, body: { planDate: '2026-11-20', signedOn: '2026-11-24', printPdfBase64: tinyPdf('p').toString('base64'), signatureSheetPdfBase64: tinyPdf('s').toString('base64') } }),
  },
  { name: 'care team', ok: 200, request: () => ({ method: 'GET', url: `${c()}/care-team` }) },
  {
    name: 'add assignment', ok: 201,
    request: () => ({ method: 'POST', url: `${c()}/care-team`, body: { role: 'practitioner', teamId: null, staffMemberId: null, discipline: 'Diëtist', validFrom: '2026-11-25', validUntil: null } }),
  },
  { name: 'end assignment', ok: 200, request: () => ({ method: 'POST', url: `${c()}/care-team/${x.assignmentId}/end`, body: { validUntil: '2026-11-30' } }) },
  { name: 'profile', ok: 200, request: () => ({ method: 'GET', url: `${c()}/profile` }) },
  { name: 'reveal BSN', ok: 200, request: () => ({ method: 'POST', url: `${c()}/profile/bsn`, body: {} }) },
  { name: 'subscriptions', ok: 200, request: () => ({ method: 'GET', url: `${c()}/subscriptions` }) },
]

function send(request: ReturnType<RouteCase['request']>, headers: Record<string, string>) {
  const { method, url, body } = request
  return t.app.inject({
    method, url,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  })
}

const logRows = (res: { headers: Record<string, unknown> }) =>
  t.db.selectFrom('access_log').selectAll().where('request_id', '=', String(res.headers['x-request-id'])).execute()

describe('authorization matrix, caregivers’ workspace: one client’s record', () => {
  for (const route of ROUTES) {
    // The allowed cell last: a write that succeeds (cancel, end) must not change what the others are refused.
    for (const who of WHO) {
      const allowed = who === 'ownTeam'
      it(`${route.name} × ${who}: ${allowed ? route.ok : 404}`, async () => {
        // The "add assignment" body names the staff member only now that the ids exist.
        const request = route.request()
        if (route.name === 'add assignment') (request.body as { staffMemberId: string | null }).staffMemberId = (await t.db.selectFrom('staff_member').select('id').where('account_id', '=', ownCaregiverAccountId).executeTakeFirstOrThrow()).id
        const res = await send(request, logins[who].headers)
        expect(res.statusCode, res.body).toBe(allowed ? route.ok : 404)
        expect(res.headers['cache-control']).toBe('no-store')
        const rows = await logRows(res)
        if (allowed) {
          expect(rows.length).toBeGreaterThan(0)
          for (const row of rows) {
            expect(row).toMatchObject({ actor_type: 'staff', actor_role: 'caregiver', actor_id: ownCaregiverAccountId, client_id: x.clientId, outcome: 'success', on_behalf_of: 'Team Noord' })
          }
        } else {
          expect(res.json().error.code).toBe('not_found')
          expect(rows.filter((row) => row.outcome === 'success')).toEqual([])
          // The attempt itself is on record, by whoever tried.
          expect(rows).toEqual([expect.objectContaining({ outcome: 'denied', actor_type: who === 'portal' ? 'account' : 'staff', client_id: null })])
        }
      })
    }
    it(`${route.name} × no session: 401`, async () => {
      const res = await send(route.request(), {})
      expect(res.statusCode, res.body).toBe(401)
    })
  }
})

describe('authorization matrix, caregivers’ workspace: lists across clients', () => {
  const LISTS = [
    { name: 'clients', url: '/api/workspace/clients', holds: (body: { items: { clientId: string }[] }) => body.items.some((i) => i.clientId === x.clientId) },
    { name: 'inbox', url: '/api/workspace/inbox', holds: (body: { items: { clientId: string }[] }) => body.items.some((i) => i.clientId === x.clientId) },
    { name: 'care-team directory', url: '/api/workspace/care-team-directory', holds: null },
  ]
  for (const list of LISTS) {
    for (const who of WHO) {
      const caregiver = who === 'ownTeam' || who === 'otherTeam'
      it(`${list.name} × ${who}: ${caregiver ? 200 : 404}${list.holds && caregiver ? (who === 'ownTeam' ? ', with the client' : ', without the client') : ''}`, async () => {
        const res = await t.app.inject({ method: 'GET', url: list.url, headers: logins[who].headers })
        expect(res.statusCode, res.body).toBe(caregiver ? 200 : 404)
        if (caregiver && list.holds) expect(list.holds(res.json())).toBe(who === 'ownTeam')
        const rows = await logRows(res)
        if (!caregiver) expect(rows.filter((row) => row.outcome === 'success')).toEqual([])
        if (list.holds && who === 'ownTeam') expect(rows.some((row) => row.client_id === x.clientId && row.actor_type === 'staff' && row.actor_role === 'caregiver')).toBe(true)
      })
    }
    it(`${list.name} × no session: 401`, async () => {
      expect((await t.app.inject({ method: 'GET', url: list.url })).statusCode).toBe(401)
    })
  }
})
