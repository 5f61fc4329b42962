import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTeam } from '../../test/client-record-factories.ts'
import { createOrganisation } from '../../test/factories.ts'
import type { LoggedIn } from '../../test/login-helper.ts'
import { createStaffAccount, logInStaff } from '../../test/staff-factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { emailsTo, send } from '../../identity/authentication/second-factors/second-factors.test-support.ts'

/** Administrators create staff accounts and set their roles and teams; changes count from the next request. */

const now = new Date('2026-11-25T12:00:00Z')
let t: TestApp
let admin: LoggedIn
let adminStaffId: string
let north: { id: string }
let south: { id: string }

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db)
  const staff = await createStaffAccount(t.db, t.cipher, { administrator: true, caregiver: false })
  adminStaffId = staff.staffMemberId
  admin = await logInStaff(t, staff, now)
  north = await createTeam(t.db, { name: 'Team Noord' })
  south = await createTeam(t.db, { name: 'Team Zuid' })
})
afterAll(() => t.close())

const newStaff = { loginName: 'fatima.amrani', name: 'Fatima el Amrani', email: 'fatima@zorg.example', mobilePhone: '06 87654321', discipline: 'Verzorgende IG', roles: { caregiver: true, administrator: false } }

describe('/api/admin/staff', () => {
  it('creates a staff account with roles and teams, and queues the welcome e-mail', async () => {
    const res = await send(t, admin, 'POST', '/api/admin/staff', { ...newStaff, teamIds: [north.id] })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ name: 'Fatima el Amrani', loginName: 'fatima.amrani', roles: { caregiver: true, administrator: false }, teams: [{ id: north.id, name: 'Team Noord' }] })
    const account = await t.db.selectFrom('account').selectAll().where('id', '=', res.json().accountId).executeTakeFirstOrThrow()
    expect(account).toMatchObject({ kind: 'staff', password_hash: null, mobile_phone: '+31687654321' })
    expect((await emailsTo(t.db, 'fatima@zorg.example'))[0]?.subject).toContain('Welkom')
    const list = await send(t, admin, 'GET', '/api/admin/staff?search=amrani')
    expect(list.json().items.map((s: { loginName: string }) => s.loginName)).toEqual(['fatima.amrani'])
    expect((await send(t, admin, 'GET', '/api/admin/teams')).json().items.map((team: { name: string }) => team.name)).toEqual(['Team Noord', 'Team Zuid'])
  })

  it('refuses no role at all, an unknown team, a login name in use and fields it does not know; nothing is stored', async () => {
    const bad = [
      { ...newStaff, loginName: 'geen.rol', roles: { caregiver: false, administrator: false }, teamIds: [] },
      { ...newStaff, loginName: 'geen.team', teamIds: ['00000000-0000-4000-8000-000000000000'] },
      { ...newStaff, loginName: 'extra.veld', teamIds: [], kind: 'portal' },
      { ...newStaff, loginName: 'extra.rol', teamIds: [], roles: { caregiver: true, administrator: false, superuser: true } },
    ]
    for (const body of bad) expect((await send(t, admin, 'POST', '/api/admin/staff', body)).statusCode, body.loginName).toBe(400)
    expect((await send(t, admin, 'POST', '/api/admin/staff', { ...newStaff, teamIds: [] })).statusCode).toBe(409)
    const stored = await t.db.selectFrom('account').select('login_name').where('login_name', 'in', ['geen.rol', 'geen.team', 'extra.veld', 'extra.rol']).execute()
    expect(stored).toEqual([])
  })

  it('changes roles and teams; a new administrator can use the workspace on the next request', async () => {
    const colleague = await createStaffAccount(t.db, t.cipher, { caregiver: true })
    const login = await logInStaff(t, colleague, now)
    expect((await send(t, login, 'GET', '/api/admin/accounts')).statusCode).toBe(403)
    const roles = await send(t, admin, 'PUT', `/api/admin/staff/${colleague.staffMemberId}/roles`, { caregiver: true, administrator: true })
    expect(roles.statusCode, roles.body).toBe(200)
    expect((await send(t, login, 'GET', '/api/admin/accounts')).statusCode).toBe(200)
    const teams = await send(t, admin, 'PUT', `/api/admin/staff/${colleague.staffMemberId}/teams`, { teamIds: [south.id, north.id] })
    expect(teams.json().teams.map((team: { name: string }) => team.name)).toEqual(['Team Noord', 'Team Zuid'])
    const fewer = await send(t, admin, 'PUT', `/api/admin/staff/${colleague.staffMemberId}/teams`, { teamIds: [] })
    expect(fewer.json().teams).toEqual([])
  })

  it('does not let an administrator take away their own administrator role or remove themselves', async () => {
    const res = await send(t, admin, 'PUT', `/api/admin/staff/${adminStaffId}/roles`, { caregiver: true, administrator: false })
    expect(res.json().error.code).toBe('own_account')
    expect((await send(t, admin, 'POST', `/api/admin/staff/${adminStaffId}/remove`, {})).json().error.code).toBe('own_account')
  })

  it('removes a staff account: its session is refused at once and it cannot log in again', async () => {
    const leaver = await createStaffAccount(t.db, t.cipher, { caregiver: true, administrator: true })
    const login = await logInStaff(t, leaver, now)
    const res = await send(t, admin, 'POST', `/api/admin/staff/${leaver.staffMemberId}/remove`, {})
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().endedAt).toBe(now.toISOString())
    expect((await send(t, login, 'GET', '/api/admin/accounts')).statusCode).toBe(401)
    const again = await t.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ loginName: leaver.login_name, password: leaver.password }) })
    expect(again.json().error.code).toBe('invalid_credentials')
  })
})
