import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppointment } from '../../test/care-record-factories.ts'
import { createClient, createLink, createStaffMember } from '../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../test/factories.ts'
import { type LoggedIn, logIn, postJson } from '../../test/login-helper.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

// 13:00 in Amsterdam on Wednesday 25 November 2026.
const now = new Date('2026-11-25T12:00:00Z')
let t: TestApp
let login: LoggedIn
let clientId: string
let accountId: string
const ids: Record<string, string> = {}

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db)
  const account = await createAccount(t.db)
  const brother = await createAccount(t.db)
  accountId = account.id
  const client = await createClient(t.db)
  clientId = client.id
  await createLink(t.db, account.id, client.id)
  await createLink(t.db, brother.id, client.id, { relation: 'second_contact' })
  const evv = await createStaffMember(t.db)
  ids.staffMade = (await createAppointment(t.db, client.id, { title: 'Fysiotherapie', starts_at: new Date('2026-11-26T09:30:00Z'), created_by_staff_id: evv.id })).id
  ids.brothers = (await createAppointment(t.db, client.id, { title: 'Wandelen', starts_at: new Date('2026-11-27T13:00:00Z'), created_by_account_id: brother.id })).id
  ids.past = (await createAppointment(t.db, client.id, { title: 'Kapper', starts_at: new Date('2026-11-20T10:00:00Z') })).id
  ids.earlierToday = (await createAppointment(t.db, client.id, { title: 'Ochtendzorg', starts_at: new Date('2026-11-25T07:00:00Z') })).id
  ids.cancelledTomorrow = (await createAppointment(t.db, client.id, { title: 'Pedicure', starts_at: new Date('2026-11-26T14:00:00Z'), cancelled_at: new Date('2026-11-24T10:00:00Z') })).id
  login = await logIn(t, account)
})
afterAll(() => t.close())

const base = () => `/api/clients/${clientId}/appointments`
const list = async (query: string) => {
  const res = await t.app.inject({ method: 'GET', url: `${base()}${query}`, headers: login.headers })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<{ items: { id: string; title: string; madeByMe: boolean; cancelled: boolean; date: string; startTime: string }[]; nextCursor: string | null }>()
}
const visit = { date: '2026-11-28', startTime: '15:00', endTime: '16:30', title: 'Bezoek familie', location: 'Kamer 12', withWhom: 'Marieke (dochter)' }

describe('GET appointments', () => {
  it('upcoming soonest first, past latest first, in Amsterdam time, cancelled ones marked', async () => {
    const upcoming = await list('?period=upcoming')
    expect(upcoming.items.map((a) => a.title)).toEqual(['Fysiotherapie', 'Pedicure', 'Wandelen'])
    expect(upcoming.items[0]).toMatchObject({ date: '2026-11-26', startTime: '10:30', madeByMe: false, cancelled: false })
    expect(upcoming.items[1]).toMatchObject({ cancelled: true })
    const past = await list('?period=past')
    expect(past.items.map((a) => a.title)).toEqual(['Ochtendzorg', 'Kapper'])
    const firstPage = await list('?period=upcoming&limit=2')
    const secondPage = await list(`?period=upcoming&limit=2&cursor=${firstPage.nextCursor}`)
    expect(secondPage.items.map((a) => a.title)).toEqual(['Wandelen'])
  })

  it('the home screen gets today and tomorrow without cancelled ones', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/home`, headers: login.headers })
    const { today, tomorrow } = res.json().appointments
    expect(today.map((a: { title: string }) => a.title)).toEqual(['Ochtendzorg'])
    expect(tomorrow.map((a: { title: string }) => a.title)).toEqual(['Fysiotherapie'])
  })
})

describe('POST, PUT and DELETE appointments', () => {
  it('adds an appointment marked as made by this account, in Amsterdam time, and logs it', async () => {
    const res = await postJson(t, base(), visit, login.headers)
    expect(res.statusCode, res.body).toBe(201)
    const made = res.json()
    expect(made).toMatchObject({ ...visit, madeByMe: true, madeInPortal: true, cancelled: false, startsAt: '2026-11-28T14:00:00.000Z', endsAt: '2026-11-28T15:30:00.000Z' })
    ids.mine = made.id
    const row = await t.db.selectFrom('appointment').selectAll().where('id', '=', made.id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ client_id: clientId, created_by_account_id: accountId, created_by_staff_id: null })
    const log = await t.db.selectFrom('access_log').selectAll().where('request_id', '=', String(res.headers['x-request-id'])).execute()
    expect(log).toEqual([expect.objectContaining({ action: 'create', data_kind: 'appointment', record_id: made.id })])
  })

  it('refuses an end before the start, a date in the past or years ahead, an empty title and unknown fields', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...visit, endTime: '15:00' }, 'appointment_times_invalid'],
      [{ ...visit, endTime: '14:00' }, 'appointment_times_invalid'],
      [{ ...visit, date: '2026-11-24' }, 'appointment_date_out_of_range'],
      [{ ...visit, date: '2030-01-01' }, 'appointment_date_out_of_range'],
      [{ ...visit, title: '   ' }, 'validation_failed'],
      [{ ...visit, title: 'x'.repeat(201) }, 'validation_failed'],
      [{ ...visit, startTime: '25:00' }, 'validation_failed'],
      [{ ...visit, createdByStaffId: '00000000-0000-4000-8000-000000000000' }, 'validation_failed'],
    ]
    for (const [body, code] of cases) {
      const res = await postJson(t, base(), body, login.headers)
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      expect(res.json().error.code).toBe(code)
    }
  })

  it('changes and cancels only one’s own appointment; others’ answer 404 and stay as they were', async () => {
    const put = (id: string, body: unknown) => t.app.inject({ method: 'PUT', url: `${base()}/${id}`, headers: { ...login.headers, 'content-type': 'application/json' }, payload: JSON.stringify(body) })
    const del = (id: string) => t.app.inject({ method: 'DELETE', url: `${base()}/${id}`, headers: login.headers })

    // NUL is refused like in any input (issue 9); other control characters are removed.
    expect((await put(ids.mine!, { ...visit, location: 'Tuin\u0000achter' })).statusCode).toBe(400)
    const changed = await put(ids.mine!, { ...visit, startTime: '16:00', endTime: '17:00', location: 'Tuin\u0007\nachter', withWhom: '  Joost  ' })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ id: ids.mine, startTime: '16:00', location: 'Tuin achter', withWhom: 'Joost', madeByMe: true })

    for (const id of [ids.staffMade!, ids.brothers!]) {
      expect((await put(id, visit)).statusCode).toBe(404)
      expect((await del(id)).statusCode).toBe(404)
    }
    const untouched = await t.db.selectFrom('appointment').select(['title', 'cancelled_at']).where('id', 'in', [ids.staffMade!, ids.brothers!]).execute()
    expect(untouched.every((a) => a.cancelled_at === null)).toBe(true)

    expect((await del(ids.mine!)).statusCode).toBe(200)
    const cancelled = await t.db.selectFrom('appointment').select('cancelled_at').where('id', '=', ids.mine!).executeTakeFirstOrThrow()
    expect(cancelled.cancelled_at).toEqual(now)
    // Once cancelled it cannot be changed or cancelled again.
    expect((await del(ids.mine!)).statusCode).toBe(404)
    expect((await put(ids.mine!, visit)).statusCode).toBe(404)
  })
})
