import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCareAssignment, createClient } from '../../test/client-record-factories.ts'
import { createOrganisation } from '../../test/factories.ts'
import { logIn } from '../../test/login-helper.ts'
import { createStaffAccount, logInStaff } from '../../test/staff-factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { createClientOfTeam, createTeamWithCaregivers } from '../../test/workspace-factories.ts'

/** Issue 5, items 2 and 4: which clients a caregiver sees, found how, and losing access at once. */

const now = new Date('2026-11-25T12:00:00Z')
let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db)
})
afterAll(() => t.close())

const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers })
const profileOf = (clientId: string) => `/api/workspace/clients/${clientId}/profile`

describe('a caregiver sees the clients of their teams and their own assignments, valid today', () => {
  it('team assignments count from valid_from through valid_until (Dutch days); personal ones count without a team', async () => {
    const { team, caregivers } = await createTeamWithCaregivers(t.db, t.cipher)
    const me = caregivers[0]!
    const current = await createClientOfTeam(t.db, team.id, { family_name: 'Aalbers' })
    const endsToday = await createClientOfTeam(t.db, team.id, { family_name: 'Bakker' }, { validUntil: '2026-11-25' })
    const ended = await createClientOfTeam(t.db, team.id, { family_name: 'Claes' }, { validUntil: '2026-11-24' })
    const future = await createClientOfTeam(t.db, team.id, { family_name: 'Dekker' }, { validFrom: '2026-11-26' })
    const mine = await createClient(t.db, { family_name: 'Evers' })
    await createCareAssignment(t.db, mine.id, { role: 'evv', staff_member_id: me.staffMemberId })
    // Another role than "team" given to the team does not open the record to all its members.
    const notTeamRole = await createClient(t.db, { family_name: 'Fransen' })
    await createCareAssignment(t.db, notTeamRole.id, { role: 'practitioner', team_id: team.id })

    const login = await logInStaff(t, me, now)
    const res = await get('/api/workspace/clients', login.headers)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().items.map((c: { clientId: string }) => c.clientId)).toEqual([current.id, endsToday.id, mine.id])
    for (const allowed of [current, endsToday, mine]) expect((await get(profileOf(allowed.id), login.headers)).statusCode).toBe(200)
    for (const refused of [ended, future, notTeamRole]) expect((await get(profileOf(refused.id), login.headers)).statusCode).toBe(404)
    // Personal access is logged on behalf of the role, team access on behalf of the team.
    const rows = await t.db.selectFrom('access_log').select(['client_id', 'on_behalf_of']).where('data_kind', '=', 'profile').where('outcome', '=', 'success').execute()
    expect(rows.find((r) => r.client_id === mine.id)?.on_behalf_of).toBe('evv')
    expect(rows.find((r) => r.client_id === current.id)?.on_behalf_of).toBe('Team Noord')
  })

  it('an unknown client id and a malformed one get the same 404', async () => {
    const { caregivers } = await createTeamWithCaregivers(t.db, t.cipher)
    const login = await logInStaff(t, caregivers[0]!, now)
    expect((await get(profileOf('7b0c2f0e-1111-4222-8333-944444444444'), login.headers)).json().error.code).toBe('not_found')
    expect((await get('/api/workspace/clients/nonsense/profile', login.headers)).statusCode).toBe(400)
  })
})

describe('searching the caseload', () => {
  it('finds by part of the name, the start of the client number and the date of birth; pages by family name', async () => {
    const { team, caregivers } = await createTeamWithCaregivers(t.db, t.cipher)
    const names = ['Jansen', 'Boer', 'Visser', 'Smit', 'Mulder']
    for (const [i, family] of names.entries()) {
      await createClientOfTeam(t.db, team.id, { family_name: family, name_prefix: family === 'Boer' ? 'de' : '', given_name: i === 3 ? 'Geertruida' : 'Anna', client_number: `ZK-${1000 + i}`, date_of_birth: i === 2 ? '1931-02-03' : '1940-01-01' })
    }
    const login = await logInStaff(t, caregivers[0]!, now)
    const search = async (query: string) => (await get(`/api/workspace/clients?${query}`, login.headers)).json().items.map((c: { name: string }) => c.name)
    expect(await search('q=geertr')).toEqual(['mw. S. Smit'])
    expect(await search('q=de%20boer')).toEqual(['mw. S. de Boer'])
    expect(await search('q=Anna%20Jansen')).toEqual(['mw. S. Jansen'])
    expect(await search('q=ZK-1004')).toEqual(['mw. S. Mulder'])
    expect(await search('dateOfBirth=1931-02-03')).toEqual(['mw. S. Visser'])
    expect(await search('q=%25')).toEqual([])

    const first = (await get('/api/workspace/clients?limit=2', login.headers)).json()
    expect(first.items).toHaveLength(2)
    const second = (await get(`/api/workspace/clients?limit=2&cursor=${first.nextCursor}`, login.headers)).json()
    const third = (await get(`/api/workspace/clients?limit=2&cursor=${second.nextCursor}`, login.headers)).json()
    expect(third.nextCursor).toBeNull()
    const families = [...first.items, ...second.items, ...third.items].map((c: { name: string }) => c.name.split(' ').at(-1))
    expect(families).toEqual(['Boer', 'Jansen', 'Mulder', 'Smit', 'Visser'])
    expect((await get('/api/workspace/clients?cursor=bm9wZQ', login.headers)).statusCode).toBe(400)
  })
})

describe('losing access at once', () => {
  it('blocked or ended staff accounts get 401 on the very next request', async () => {
    const { team, caregivers } = await createTeamWithCaregivers(t.db, t.cipher, 2)
    const client = await createClientOfTeam(t.db, team.id)
    const [blocked, ended] = caregivers
    for (const [who, column] of [[blocked!, 'blocked_at'], [ended!, 'ended_at']] as const) {
      const login = await logInStaff(t, who, now)
      expect((await get(profileOf(client.id), login.headers)).statusCode).toBe(200)
      await t.db.updateTable('account').set({ [column]: now }).where('id', '=', who.id).execute()
      expect((await get(profileOf(client.id), login.headers)).statusCode).toBe(401)
    }
  })

  it('leaving the team, losing the caregiver role or the team assignment ending closes the record on the next request', async () => {
    const { team, caregivers } = await createTeamWithCaregivers(t.db, t.cipher, 3)
    const client = await createClientOfTeam(t.db, team.id)
    const [leaver, demoted, stays] = caregivers
    const logins = await Promise.all([leaver!, demoted!, stays!].map((c) => logInStaff(t, c, now)))
    for (const login of logins) expect((await get(profileOf(client.id), login.headers)).statusCode).toBe(200)
    await t.db.deleteFrom('team_membership').where('staff_member_id', '=', leaver!.staffMemberId).execute()
    await t.db.updateTable('staff_member').set({ is_caregiver: false, is_administrator: true }).where('id', '=', demoted!.staffMemberId).execute()
    expect((await get(profileOf(client.id), logins[0]!.headers)).statusCode).toBe(404)
    expect((await get(profileOf(client.id), logins[1]!.headers)).statusCode).toBe(404)
    expect((await get('/api/workspace/clients', logins[1]!.headers)).statusCode).toBe(404)
    expect((await get(profileOf(client.id), logins[2]!.headers)).statusCode).toBe(200)
    await t.db.updateTable('care_assignment').set({ valid_until: '2026-11-24' }).where('client_id', '=', client.id).execute()
    expect((await get(profileOf(client.id), logins[2]!.headers)).statusCode).toBe(404)
  })

  it('a staff member with both roles reads as a caregiver; a staff session without a strong factor must enrol first', async () => {
    const both = await createStaffAccount(t.db, t.cipher, { caregiver: true, administrator: true })
    const team = await createTeamWithCaregivers(t.db, t.cipher, 0, 'Team Oost')
    await t.db.insertInto('team_membership').values({ team_id: team.team.id, staff_member_id: both.staffMemberId }).execute()
    const client = await createClientOfTeam(t.db, team.team.id)
    const login = await logInStaff(t, both, now)
    expect((await get(profileOf(client.id), login.headers)).statusCode).toBe(200)
    const row = await t.db.selectFrom('access_log').select(['actor_role', 'actor_type']).where('client_id', '=', client.id).where('data_kind', '=', 'profile').executeTakeFirstOrThrow()
    expect(row).toEqual({ actor_role: 'caregiver', actor_type: 'staff' })

    const smsOnly = await createStaffAccount(t.db, t.cipher, { totp: false })
    const smsLogin = await logIn(t, smsOnly)
    const res = await get('/api/workspace/clients', smsLogin.headers)
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('second_factor_setup_required')
  })
})
