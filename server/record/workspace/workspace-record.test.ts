import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppointment } from '../../test/care-record-factories.ts'
import { createCareAssignment, createLink, createStaffMember, createSubscription } from '../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../test/factories.ts'
import { type LoggedIn, logIn, postJson } from '../../test/login-helper.ts'
import { logInStaff } from '../../test/staff-factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { createClientOfTeam, createTeamWithCaregivers } from '../../test/workspace-factories.ts'

/** Issue 5, item 2: appointments (relatives' ones with who made them), the care team, profile and subscriptions. */

const now = new Date('2026-11-25T12:00:00Z')
let t: TestApp
let caregiver: LoggedIn
let daughter: LoggedIn
const ids = { clientId: '', teamId: '', daughterId: '', caregiverStaffId: '' }

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db)
  const { team, caregivers } = await createTeamWithCaregivers(t.db, t.cipher)
  const client = await createClientOfTeam(t.db, team.id, { cipher: t.cipher, bsn: '123456782', bankAccount: 'NL91ABNA0417164300' })
  const account = await createAccount(t.db, { display_name: 'Marieke Jordaan' })
  await createLink(t.db, account.id, client.id, { relation: 'first_contact' })
  Object.assign(ids, { clientId: client.id, teamId: team.id, daughterId: account.id, caregiverStaffId: caregivers[0]!.staffMemberId })
  await t.db.updateTable('staff_member').set({ discipline: 'Verpleegkundige' }).where('id', '=', caregivers[0]!.staffMemberId).execute()
  caregiver = await logInStaff(t, caregivers[0]!, now)
  daughter = await logIn(t, account)
})
afterAll(() => t.close())

const c = () => `/api/workspace/clients/${ids.clientId}`
const get = (url: string, login: LoggedIn) => t.app.inject({ method: 'GET', url, headers: login.headers })
const appointment = { date: '2026-12-03', startTime: '10:00', endTime: '11:00', title: 'Huisarts', location: 'Praktijk', withWhom: 'Dokter Visser' }

describe('appointments', () => {
  it('shows who made each one: a relative with the relation, the care team with the discipline', async () => {
    const family = await postJson(t, `/api/clients/${ids.clientId}/appointments`, { ...appointment, title: 'Bezoek', date: '2026-12-01' }, daughter.headers)
    expect(family.statusCode, family.body).toBe(201)
    const staff = await postJson(t, `${c()}/appointments`, appointment, caregiver.headers)
    expect(staff.statusCode, staff.body).toBe(201)
    const list = (await get(`${c()}/appointments`, caregiver)).json()
    expect(list.items.map((a: { title: string; madeBy: unknown }) => [a.title, a.madeBy])).toEqual([
      ['Bezoek', { kind: 'account', name: 'Marieke Jordaan', role: 'first_contact' }],
      ['Huisarts', { kind: 'staff', name: expect.any(String), role: 'Verpleegkundige' }],
    ])
    // The relative sees the care team's appointment as not hers, and cannot change it.
    const portal = (await get(`/api/clients/${ids.clientId}/appointments`, daughter)).json()
    expect(portal.items.find((a: { title: string }) => a.title === 'Huisarts')).toMatchObject({ madeByMe: false, madeInPortal: false })
  })

  it('the care team changes and cancels any of the client\'s appointments, also a relative\'s; a cancelled one stays, marked', async () => {
    const relatives = await createAppointment(t.db, ids.clientId, { created_by_account_id: ids.daughterId, title: 'Kapper', starts_at: new Date('2026-12-05T09:00:00Z') })
    const changed = await t.app.inject({ method: 'PUT', url: `${c()}/appointments/${relatives.id}`, headers: { ...caregiver.headers, 'content-type': 'application/json' }, payload: JSON.stringify({ ...appointment, title: 'Kapper (verzet)', date: '2026-12-06' }) })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ title: 'Kapper (verzet)', date: '2026-12-06', madeBy: { kind: 'account', name: 'Marieke Jordaan' } })
    const cancelled = await t.app.inject({ method: 'DELETE', url: `${c()}/appointments/${relatives.id}`, headers: caregiver.headers })
    expect(cancelled.statusCode).toBe(200)
    const again = await t.app.inject({ method: 'DELETE', url: `${c()}/appointments/${relatives.id}`, headers: caregiver.headers })
    expect(again.statusCode).toBe(404)
    const list = (await get(`${c()}/appointments`, caregiver)).json()
    expect(list.items.find((a: { id: string }) => a.id === relatives.id)).toMatchObject({ cancelled: true })
    const bad = await postJson(t, `${c()}/appointments`, { ...appointment, endTime: '09:00' }, caregiver.headers)
    expect(bad.json().error.code).toBe('appointment_times_invalid')
  })
})

describe('care team', () => {
  it('lists every assignment with its period, and a new EVV-er shows in the portal\'s "who has access today"', async () => {
    const physio = await createStaffMember(t.db, { name: 'Peter Smit', discipline: 'Fysiotherapeut' })
    await createCareAssignment(t.db, ids.clientId, { role: 'practitioner', staff_member_id: physio.id, valid_from: '2025-01-01', valid_until: '2025-12-31' })
    const added = await postJson(t, `${c()}/care-team`, { role: 'evv', teamId: null, staffMemberId: ids.caregiverStaffId, discipline: '', validFrom: '2026-11-25', validUntil: null }, caregiver.headers)
    expect(added.statusCode, added.body).toBe(201)

    const team = (await get(`${c()}/care-team`, caregiver)).json()
    const byRole = (role: string) => team.assignments.filter((a: { role: string }) => a.role === role)
    expect(byRole('practitioner')).toEqual([expect.objectContaining({ staff: expect.objectContaining({ name: 'Peter Smit' }), validUntil: '2025-12-31', activeToday: false, discipline: 'Fysiotherapeut' })])
    expect(byRole('team')).toEqual([expect.objectContaining({ team: expect.objectContaining({ id: ids.teamId, name: 'Team Noord' }), activeToday: true })])
    expect(team.today.responsible).toEqual([{ name: expect.any(String), discipline: 'Verpleegkundige', role: 'evv' }])

    const portal = (await get(`/api/clients/${ids.clientId}/care-team/today`, daughter)).json()
    expect(portal.responsible).toEqual(team.today.responsible)

    // Ended today: still counts today (the last valid day), gone tomorrow.
    const ended = await postJson(t, `${c()}/care-team/${added.json().id}/end`, { validUntil: '2026-11-25' }, caregiver.headers)
    expect(ended.statusCode, ended.body).toBe(200)
    expect((await get(`/api/clients/${ids.clientId}/care-team/today`, daughter)).json().responsible).toHaveLength(1)
    expect((await postJson(t, `${c()}/care-team/${added.json().id}/end`, { validUntil: '2026-11-01' }, caregiver.headers)).json().error.code).toBe('care_assignment_invalid')
  })

  it('refuses a team role without a team, a person role without a person, and unknown ids', async () => {
    const cases = [
      { role: 'team', teamId: null, staffMemberId: null },
      { role: 'team', teamId: ids.teamId, staffMemberId: ids.caregiverStaffId },
      { role: 'evv', teamId: null, staffMemberId: null },
      { role: 'practitioner', teamId: null, staffMemberId: '7b0c2f0e-1111-4222-8333-944444444444' },
    ]
    for (const body of cases) {
      const res = await postJson(t, `${c()}/care-team`, { ...body, discipline: '', validFrom: '2026-11-25', validUntil: null }, caregiver.headers)
      expect(res.json().error?.code, JSON.stringify(body)).toBe('care_assignment_invalid')
    }
    const directory = (await get('/api/workspace/care-team-directory', caregiver)).json()
    expect(directory.teams.map((team: { name: string }) => team.name)).toContain('Team Noord')
  })
})

describe('profile and subscriptions', () => {
  it('show the profile with BSN and bank account masked; revealing the BSN is its own logged act', async () => {
    const profile = await get(`${c()}/profile`, caregiver)
    expect(profile.json()).toMatchObject({ bsnMasked: '*****6782', bankAccountMasked: 'NL************4300' })
    expect(profile.body).not.toContain('123456782')
    const bsn = await postJson(t, `${c()}/profile/bsn`, {}, caregiver.headers)
    expect(bsn.json()).toEqual({ bsn: '123456782' })
    const row = await t.db.selectFrom('access_log').select(['actor_type', 'actor_role', 'data_kind']).where('request_id', '=', String(bsn.headers['x-request-id'])).execute()
    expect(row).toEqual([{ actor_type: 'staff', actor_role: 'caregiver', data_kind: 'bsn' }])
  })

  it('lists the subscriptions', async () => {
    await createSubscription(t.db, ids.clientId, { service: 'Kapper', supplier: 'Salon Anja' })
    const list = (await get(`${c()}/subscriptions`, caregiver)).json()
    expect(list.items).toEqual([expect.objectContaining({ service: 'Kapper', supplier: 'Salon Anja', endsOn: null })])
  })
})
