import { writeFileSync } from 'node:fs'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppointment, createCarePlanPrint, createMessage } from '../../test/care-record-factories.ts'
import { createCareAssignment, createClient, createLink, createReport, createStaffMember, createSubscription, createTeam } from '../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../test/factories.ts'
import { type LoggedIn, logIn, postJson } from '../../test/login-helper.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { statementsOfRequest } from '../../platform/http/request-context.ts'

/**
 * The home screen reads its six cards in one statement, through JSON (findHomeCards): each card
 * must still say exactly what the section's own page says of the same record. Timestamps with
 * microseconds, times near the Amsterdam midnights, a read marker between messages, a null date:
 * a conversion slip (a time zone, a lost Date, a count as text) shows up here as a difference.
 */

// Wednesday 25 November 2026, 13:00 in Amsterdam.
const now = new Date('2026-11-25T12:00:00Z')
let t: TestApp
/** Who asks: a link to every section, one to three of them, one to none. */
const as = {} as Record<'every' | 'some' | 'none', LoggedIn>
let clientId: string
const counted = new Map<string, number>()

/** An instant with microseconds, stored as such (a JS Date would round them away). */
const micro = (iso: string) => sql<Date>`${iso}::timestamptz`

beforeAll(async () => {
  t = await createTestApp({ now, extraRoutes: (app) => app.addHook('onResponse', async (request) => void counted.set(String(request.id), statementsOfRequest(request))) })
  await createOrganisation(t.db, { show_report_author_name: true })
  const account = await createAccount(t.db)
  const reader = await createAccount(t.db)
  const none = await createAccount(t.db)
  const client = await createClient(t.db, { cipher: t.cipher, gender: 'male', initials: 'J.', name_prefix: '', family_name: 'Bakker', date_of_birth: '1940-02-29' })
  clientId = client.id
  await createLink(t.db, account.id, client.id, { activated_at: new Date('2026-06-01T00:00:00Z') })
  await createLink(t.db, reader.id, client.id, { activated_at: new Date('2026-06-01T00:00:00Z'), may_use_messages: false, may_read_profile: false, may_use_appointments: false })
  await createLink(t.db, none.id, client.id, {
    may_read_reports: false, may_read_care_plan: false, may_use_appointments: false, may_use_messages: false, may_read_profile: false, may_read_subscriptions: false,
  })
  const team = await createTeam(t.db)
  const evv = await createStaffMember(t.db, { name: 'Sanne Verhoeven' })
  const colleague = await createStaffMember(t.db, { name: 'Pieter de Vries', discipline: 'Wijkverpleegkundige' })
  await createCareAssignment(t.db, client.id, { staff_member_id: evv.id, role: 'evv' })

  const report = await createReport(t.db, client.id, { team_id: team.id, author_staff_id: evv.id })
  await t.db.updateTable('report').set({ reported_at: micro('2026-11-24T23:59:59.999999+01:00') }).where('id', '=', report.id).execute()

  const messages = [
    { author_staff_id: evv.id, at: '2026-11-20T10:00:00.000100Z' },
    { author_account_id: account.id, at: '2026-11-20T10:00:00.000200Z' },
    { author_staff_id: colleague.id, at: '2026-11-20T10:00:00.500300Z' },
    { author_staff_id: evv.id, at: '2026-11-24T22:59:59.123456Z' },
  ]
  const ids: string[] = []
  for (const { at, ...author } of messages) {
    const message = await createMessage(t.db, client.id, { ...author, body: `Bericht van ${at}` })
    await t.db.updateTable('message').set({ created_at: micro(at) }).where('id', '=', message.id).execute()
    ids.push(message.id)
  }

  // Today late in the evening, tomorrow just after midnight, one cancelled, one the day after tomorrow (not shown).
  await createAppointment(t.db, client.id, { starts_at: new Date('2026-11-25T22:30:00Z'), created_by_account_id: account.id })
  await createAppointment(t.db, client.id, { starts_at: new Date('2026-11-25T23:30:00Z'), title: 'Kapper' })
  await createAppointment(t.db, client.id, { starts_at: new Date('2026-11-26T09:00:00Z'), title: 'Afgezegd', cancelled_at: new Date('2026-11-24T09:00:00Z') })
  await createAppointment(t.db, client.id, { starts_at: new Date('2026-11-26T23:30:00Z'), title: 'Overmorgen' })
  const appointment = await createAppointment(t.db, client.id, { starts_at: new Date('2026-11-26T14:00:00Z'), title: 'Tandarts' })
  await t.db.updateTable('appointment').set({ starts_at: micro('2026-11-26T14:00:00.654321Z'), ends_at: micro('2026-11-26T15:00:00.000001Z') }).where('id', '=', appointment.id).execute()

  const print = await createCarePlanPrint(t.db, client.id, { plan_date: '2026-10-11', signed_on: null })
  await t.db.updateTable('care_plan_print').set({ created_at: micro('2026-10-11T23:00:00.5+00:00') }).where('id', '=', print.id).execute()
  await createCarePlanPrint(t.db, client.id, { plan_date: '2025-10-11' })

  await createSubscription(t.db, client.id, { service: 'Kapper', starts_on: '2020-02-29', ends_on: '2026-11-25' })
  await createSubscription(t.db, client.id, { service: 'Krant', starts_on: '2021-01-01' })
  await createSubscription(t.db, client.id, { service: 'Telefoon', starts_on: '2018-01-01', ends_on: '2026-11-24' })
  await createSubscription(t.db, client.id, { service: 'Pedicure', starts_on: '2022-05-01', ends_on: '2027-01-01' })

  as.every = await logIn(t, account)
  as.some = await logIn(t, reader)
  as.none = await logIn(t, none)
  // Read up to the second message: the first two are read, the EVV-er's and the colleague's after it not.
  await postJson(t, `/api/clients/${client.id}/messages/read`, { upToMessageId: ids[1] }, as.every.headers)
})
afterAll(() => t.close())

async function get(path: string, who: LoggedIn = as.every) {
  const res = await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/${path}`, headers: who.headers })
  expect(res.statusCode, res.body).toBe(200)
  return { body: res.json(), raw: res.body, statements: counted.get(String(res.headers['x-request-id'])) }
}

describe('the home screen in one statement', () => {
  it('shows on every card exactly what the section’s own page shows of the same record', async () => {
    const { body: home, raw } = await get('home')
    // A byte-for-byte comparison across versions: HOME_BODY_FILE=... writes the answer.
    if (process.env.HOME_BODY_FILE) writeFileSync(process.env.HOME_BODY_FILE, raw)

    const reports = (await get('reports?limit=1')).body
    expect(home.reports.newest).toEqual(reports.items[0])
    expect(home.reports.newest).toMatchObject({ reportedAt: '2026-11-24T22:59:59.999Z', team: 'Team Noord', authorName: 'Sanne Verhoeven' })

    const messages = (await get('messages?limit=3')).body
    expect(home.messages).toEqual({ newest: messages.items, unreadCount: messages.unreadCount })
    expect(home.messages.unreadCount).toBe(2)
    expect(home.messages.newest.map((m: { unread: boolean }) => m.unread)).toEqual([true, true, false])
    expect(home.messages.newest[0]).toMatchObject({ createdAt: '2026-11-24T22:59:59.123Z', author: { kind: 'staff', role: 'EVV-er' } })

    const prints = (await get('care-plan-prints')).body.items
    expect(home.carePlanPrints.newest).toEqual(prints[0])
    expect(home.carePlanPrints.newest).toMatchObject({ planDate: '2026-10-11', signedOn: null })

    const upcoming = (await get('appointments?period=upcoming')).body.items as { date: string; cancelled: boolean }[]
    const shown = upcoming.filter((a) => !a.cancelled)
    expect(home.appointments).toEqual({ today: shown.filter((a) => a.date === '2026-11-25'), tomorrow: shown.filter((a) => a.date === '2026-11-26') })
    expect(home.appointments.today).toMatchObject([{ startTime: '23:30', madeByMe: true }])
    expect(home.appointments.tomorrow.map((a: { startTime: string; endTime: string }) => `${a.startTime}-${a.endTime}`)).toEqual(['00:30-01:30', '15:00-16:00'])
    expect(home.appointments.tomorrow[1]).toMatchObject({ startsAt: '2026-11-26T14:00:00.654Z', endsAt: '2026-11-26T15:00:00.000Z' })

    const profile = (await get('profile')).body
    expect(home.profile).toEqual({ name: profile.name, dateOfBirth: profile.dateOfBirth, age: profile.age })
    expect(home.profile).toEqual({ name: 'dhr. J. Bakker', dateOfBirth: '1940-02-29', age: 86 })

    const subscriptions = (await get('subscriptions')).body.items
    expect(home.subscriptions).toEqual({
      items: subscriptions.slice(0, 3).map(({ id, service, supplier, startsOn, endsOn }: Record<string, unknown>) => ({ id, service, supplier, startsOn, endsOn })),
      total: subscriptions.length,
    })
    expect(home.subscriptions.items.map((s: { service: string }) => s.service)).toEqual(['Pedicure', 'Krant', 'Kapper'])
    expect(home.subscriptions.total).toBe(4)
  })

  it('costs three statements whatever the cards (session with link, the cards, the log), two with none to show', async () => {
    const every = await get('home')
    const some = await get('home', as.some)
    const none = await get('home', as.none)
    expect(Object.keys(some.body).sort()).toEqual(['carePlanPrints', 'reports', 'subscriptions'])
    expect(none.body).toEqual({})
    expect([every.statements, some.statements, none.statements]).toEqual([3, 3, 2])
  })
})
