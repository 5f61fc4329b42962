import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, createReport } from '../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../test/factories.ts'
import { logIn, passwordStep, postJson } from '../../test/login-helper.ts'
import { createStaffAccount, logInStaff } from '../../test/staff-factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

/** Issue 5, items 1 and 4: the staff's mandatory strong factor, and losing access at once. */

const now = new Date('2026-11-25T12:00:00Z')
let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db)
})
afterAll(() => t.close())

const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers })

describe('staff login needs an authenticator app or a passkey', () => {
  it('does not offer, send or accept an SMS code once the staff member has an app', async () => {
    const staff = await createStaffAccount(t.db, t.cipher, { administrator: true })
    const res = await postJson(t, '/api/session', { loginName: staff.login_name, password: staff.password })
    expect(res.json().methods).toEqual(['totp'])
    const attemptToken = res.json().attemptToken
    const sms = await postJson(t, '/api/session/sms-code', { attemptToken })
    expect(sms.statusCode).toBe(409)
    const outbox = await t.db.selectFrom('outbox_message').select('id').where('recipient', '=', staff.mobile_phone ?? '').execute()
    expect(outbox).toHaveLength(0)
    const verify = await postJson(t, '/api/session/verify', { attemptToken, method: 'sms', code: '123456' })
    expect(verify.statusCode).toBe(401)
    expect(verify.json().error.code).toBe('invalid_code')
  })

  it('lets a staff member without one log in by SMS only to enrol one: the workspace answers second_factor_setup_required', async () => {
    const staff = await createStaffAccount(t.db, t.cipher, { administrator: true, totp: false })
    const login = await logIn(t, staff)
    const admin = await get('/api/admin/accounts', login.headers)
    expect(admin.statusCode).toBe(403)
    expect(admin.json().error.code).toBe('second_factor_setup_required')
    expect(admin.json().error.message).toContain('authenticator-app')
    // "Mijn profiel" stays reachable, to set up the app.
    expect((await get('/api/profile', login.headers)).statusCode).toBe(200)
  })

  it('tells a staff member with only a passkey to log in with it', async () => {
    const staff = await createStaffAccount(t.db, t.cipher, { totp: false })
    await t.db
      .insertInto('passkey')
      .values({ account_id: staff.id, credential_id: `cred-${staff.id}`, public_key: Buffer.from('key'), user_handle: 'h', name: 'Laptop', device_type: 'singleDevice', backed_up: false, created_at: now })
      .execute()
    const res = await postJson(t, '/api/session', { loginName: staff.login_name, password: staff.password })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('use_passkey')
  })

  it('leaves portal accounts with SMS as before', async () => {
    const account = await createAccount(t.db)
    await passwordStep(t, account.login_name, account.password)
  })
})

describe('a staff member loses access at once', () => {
  it('when blocked by another administrator: the very next request is refused (401)', async () => {
    const boss = await createStaffAccount(t.db, t.cipher, { administrator: true })
    const colleague = await createStaffAccount(t.db, t.cipher, { administrator: true })
    const bossLogin = await logInStaff(t, boss, now)
    const colleagueLogin = await logInStaff(t, colleague, now)
    expect((await get('/api/admin/accounts', colleagueLogin.headers)).statusCode).toBe(200)
    const block = await t.app.inject({ method: 'POST', url: `/api/admin/accounts/${colleague.id}/block`, headers: { ...bossLogin.headers, 'content-type': 'application/json' }, payload: '{}' })
    expect(block.statusCode, block.body).toBe(200)
    expect((await get('/api/admin/accounts', colleagueLogin.headers)).statusCode).toBe(401)
    const sessions = await t.db.selectFrom('session').select('ended_at').where('account_id', '=', colleague.id).execute()
    expect(sessions.every((s) => s.ended_at !== null)).toBe(true)
  })

  it('when the account is removed (ended) or the administrator role is taken away', async () => {
    const removed = await createStaffAccount(t.db, t.cipher, { administrator: true })
    const demoted = await createStaffAccount(t.db, t.cipher, { administrator: true })
    const removedLogin = await logInStaff(t, removed, now)
    const demotedLogin = await logInStaff(t, demoted, now)
    await t.db.updateTable('account').set({ ended_at: now }).where('id', '=', removed.id).execute()
    await t.db.updateTable('staff_member').set({ is_administrator: false }).where('id', '=', demoted.staffMemberId).execute()
    expect((await get('/api/admin/accounts', removedLogin.headers)).statusCode).toBe(401)
    const res = await get('/api/admin/accounts', demotedLogin.headers)
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('forbidden')
  })

  it('an administrator cannot block their own account', async () => {
    const self = await createStaffAccount(t.db, t.cipher, { administrator: true })
    const login = await logInStaff(t, self, now)
    const res = await t.app.inject({ method: 'POST', url: `/api/admin/accounts/${self.id}/block`, headers: { ...login.headers, 'content-type': 'application/json' }, payload: '{}' })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('own_account')
  })
})

describe('administrators read no care content', () => {
  it('an administrator-only account gets 404 on a portal client route', async () => {
    const admin = await createStaffAccount(t.db, t.cipher, { administrator: true, caregiver: false })
    const login = await logInStaff(t, admin, now)
    const client = await createClient(t.db)
    await createReport(t.db, client.id)
    const res = await get(`/api/clients/${client.id}/reports`, login.headers)
    expect(res.statusCode).toBe(404)
    expect(res.body).not.toContain('ontbeten')
  })
})

describe('the session answer names the staff roles the web app builds its menu from', () => {
  it('caregiver and administrator roles held now, whether only enrolment is open, and null for a portal account', async () => {
    const both = await createStaffAccount(t.db, t.cipher, { caregiver: true, administrator: true })
    const bothSession = await get('/api/session', (await logInStaff(t, both, now)).headers)
    expect(bothSession.json().staff).toEqual({ caregiver: true, administrator: true, secondFactorSetupRequired: false })

    const smsOnly = await createStaffAccount(t.db, t.cipher, { caregiver: true, totp: false })
    const smsSession = await get('/api/session', (await logIn(t, smsOnly)).headers)
    expect(smsSession.json().staff).toEqual({ caregiver: true, administrator: false, secondFactorSetupRequired: true })

    const portal = await createAccount(t.db)
    const portalSession = await get('/api/session', (await logIn(t, portal)).headers)
    expect(portalSession.json().staff).toBeNull()
  })
})
