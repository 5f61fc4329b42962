import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emailsTo, send } from '../../identity/authentication/second-factors/second-factors.test-support.ts'
import { createClient, createLink } from '../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../test/factories.ts'
import { type LoggedIn, logIn, passwordStep, postJson } from '../../test/login-helper.ts'
import { createStaffAccount, logInStaff } from '../../test/staff-factories.ts'
import { rememberSecret } from '../../test/log-capture.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

/** Administrators manage portal accounts: registration form, welcome e-mail, temporary password, second factors, blocking. */

const now = new Date('2026-11-25T12:00:00Z')
let t: TestApp
let admin: LoggedIn
let adminAccountId: string

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db)
  const staff = await createStaffAccount(t.db, t.cipher, { administrator: true, caregiver: false, name: 'Bea Beheer' })
  adminAccountId = staff.id
  admin = await logInStaff(t, staff, now)
})
afterAll(() => t.close())

const registration = { loginName: 'marieke.jansen', name: 'Marieke Jansen', email: 'marieke@example.org', mobilePhone: '06 12345678' }

async function accessRows(dataKind: string, recordId: string) {
  return t.db.selectFrom('access_log').selectAll().where('data_kind', '=', dataKind).where('record_id', '=', recordId).execute()
}

describe('POST /api/admin/accounts', () => {
  it('creates a portal account from the registration form and queues the welcome e-mail; the access log names the administrator', async () => {
    const res = await send(t, admin, 'POST', '/api/admin/accounts', registration)
    expect(res.statusCode, res.body).toBe(201)
    const { id, temporaryPassword } = res.json()
    expect(temporaryPassword).toBeUndefined()
    const row = await t.db.selectFrom('account').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ kind: 'portal', mobile_phone: '+31612345678', password_hash: null })
    const [welcome] = await emailsTo(t.db, 'marieke@example.org')
    expect(welcome?.subject).toContain('Welkom')
    const [log] = await accessRows('account', id)
    expect(log).toMatchObject({ action: 'create', actor_type: 'staff', actor_id: adminAccountId, actor_role: 'administrator', actor_name: 'Bea Beheer' })
  })

  it('refuses fields the form does not have (mass assignment) and a login name already in use', async () => {
    for (const extra of [{ kind: 'staff' }, { id: '00000000-0000-4000-8000-000000000000' }, { isAdministrator: true }, { passwordHash: 'x' }]) {
      const res = await send(t, admin, 'POST', '/api/admin/accounts', { ...registration, loginName: 'iemand.anders', ...extra })
      expect(res.statusCode, JSON.stringify(extra)).toBe(400)
    }
    expect(await t.db.selectFrom('account').select('id').where('login_name', '=', 'iemand.anders').execute()).toHaveLength(0)
    const again = await send(t, admin, 'POST', '/api/admin/accounts', { ...registration, loginName: 'MARIEKE.jansen' })
    expect(again.statusCode).toBe(409)
  })

  it("records the person's own BSN from the form, encrypted with its look-up hash, and refuses one that fails the 11-proef", async () => {
    const res = await send(t, admin, 'POST', '/api/admin/accounts', { ...registration, loginName: 'met.digid', name: 'Sanne de Wit', email: 'sanne@example.org', bsn: '999 990 019' })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.body).not.toContain('999990019')
    const row = await t.db.selectFrom('account').select(['bsn_encrypted', 'bsn_lookup']).where('login_name', '=', 'met.digid').executeTakeFirstOrThrow()
    expect(row.bsn_lookup?.equals(t.cipher.lookupHash('999990019'))).toBe(true)
    expect(t.cipher.decrypt(row.bsn_encrypted!)).toBe('999990019')
    const wrong = await send(t, admin, 'POST', '/api/admin/accounts', { ...registration, loginName: 'fout.bsn', name: 'Sanne de Wit', email: 'sanne@example.org', bsn: '999990018' })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.body).not.toContain('999990018')
  })

  it('gives a temporary password once instead of an e-mail; the person must change it at the first login', async () => {
    const res = await send(t, admin, 'POST', '/api/admin/accounts', { ...registration, loginName: 'kees.tijdelijk', email: 'kees@example.org', temporaryPassword: true })
    expect(res.statusCode, res.body).toBe(201)
    const temporaryPassword = rememberSecret(res.json().temporaryPassword)
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3,}$/)
    expect(await emailsTo(t.db, 'kees@example.org')).toHaveLength(0)
    const account = await t.db.selectFrom('account').selectAll().where('login_name', '=', 'kees.tijdelijk').executeTakeFirstOrThrow()
    const login = await logIn(t, { ...account, password: temporaryPassword })
    const probe = await t.app.inject({ method: 'GET', url: '/api/clients', headers: login.headers })
    expect(probe.json().error.code).toBe('password_change_required')
  })
})

describe('GET /api/admin/accounts', () => {
  it('lists portal accounts only, searching name, login name and e-mail literally', async () => {
    await createAccount(t.db, { display_name: 'Percentage 100% Persoon', login_name: 'procent.persoon' })
    const all = await send(t, admin, 'GET', '/api/admin/accounts?limit=100')
    expect(all.statusCode).toBe(200)
    expect(all.json().items.every((a: { kind: string }) => a.kind === 'portal')).toBe(true)
    const literal = await send(t, admin, 'GET', `/api/admin/accounts?search=${encodeURIComponent('100%')}`)
    expect(literal.json().items.map((a: { loginName: string }) => a.loginName)).toEqual(['procent.persoon'])
    const wildcard = await send(t, admin, 'GET', `/api/admin/accounts?search=${encodeURIComponent('%')}`)
    expect(wildcard.json().total).toBe(1)
    const byMail = await send(t, admin, 'GET', '/api/admin/accounts?search=MARIEKE%40example')
    expect(byMail.json().items).toHaveLength(1)
    expect(byMail.json().items[0]).toMatchObject({ displayName: 'Marieke Jansen', hasPassword: false, blockedAt: null, activeLinkCount: 0 })
  })

  it('refuses unknown query fields', async () => {
    expect((await send(t, admin, 'GET', '/api/admin/accounts?kind=staff')).statusCode).toBe(400)
  })
})

describe('account actions', () => {
  it('sends the welcome e-mail again (a new link; the old one stops working)', async () => {
    const account = await createAccount(t.db, { password: null, email: 'opnieuw@example.org' })
    const res = await send(t, admin, 'POST', `/api/admin/accounts/${account.id}/welcome-email`, {})
    expect(res.statusCode, res.body).toBe(200)
    const [mail] = await emailsTo(t.db, 'opnieuw@example.org')
    expect(mail?.subject).toContain('Welkom')
    expect(mail?.body_text).toContain('/wachtwoord-instellen#')
  })

  it('sets a temporary password, ends the sessions, and the person must change it', async () => {
    const account = await createAccount(t.db)
    const old = await logIn(t, account)
    const res = await send(t, admin, 'POST', `/api/admin/accounts/${account.id}/temporary-password`, {})
    expect(res.statusCode, res.body).toBe(200)
    const temporaryPassword = rememberSecret(res.json().temporaryPassword)
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: old.headers })).statusCode).toBe(401)
    const login = await logIn(t, { ...account, password: temporaryPassword })
    const session = await t.app.inject({ method: 'GET', url: '/api/session', headers: login.headers })
    expect(session.json().mustChangePassword).toBe(true)
    expect(t.logs.join('\n')).not.toContain(temporaryPassword)
  })

  it('resets the second factors: app, passkeys and recovery codes gone, sessions ended, the person told by e-mail', async () => {
    const account = await createAccount(t.db, { email: 'telefoonkwijt@example.org' })
    await t.db.insertInto('account_totp').values({ account_id: account.id, secret_encrypted: t.cipher.encrypt('JBSWY3DPEHPK3PXP'), created_at: now, confirmed_at: now }).execute()
    await t.db.insertInto('recovery_code').values({ account_id: account.id, code_hash: Buffer.from(account.id), created_at: now }).execute()
    const before = await send(t, admin, 'GET', `/api/admin/accounts/${account.id}`)
    expect(before.json().secondFactors).toEqual({ totp: true, passkeys: 0, recoveryCodes: 1 })
    const res = await send(t, admin, 'POST', `/api/admin/accounts/${account.id}/second-factors/reset`, {})
    expect(res.statusCode, res.body).toBe(200)
    const after = await send(t, admin, 'GET', `/api/admin/accounts/${account.id}`)
    expect(after.json().secondFactors).toEqual({ totp: false, passkeys: 0, recoveryCodes: 0 })
    const [mail] = await emailsTo(t.db, 'telefoonkwijt@example.org')
    expect(mail?.subject).toContain('inlogmethodes')
    expect(await accessRows('second_factors', account.id)).toHaveLength(1)
  })

  it('blocks (every session ends at once, login refused like a wrong password) and unblocks', async () => {
    const account = await createAccount(t.db)
    const login = await logIn(t, account)
    expect((await send(t, admin, 'POST', `/api/admin/accounts/${account.id}/block`, {})).statusCode).toBe(200)
    expect((await t.app.inject({ method: 'GET', url: '/api/clients', headers: login.headers })).statusCode).toBe(401)
    const refused = await postJson(t, '/api/session', { loginName: account.login_name, password: account.password })
    expect(refused.json().error.code).toBe('invalid_credentials')
    const detail = await send(t, admin, 'GET', `/api/admin/accounts/${account.id}`)
    expect(detail.json().account.blockedAt).toBe(now.toISOString())
    expect((await send(t, admin, 'POST', `/api/admin/accounts/${account.id}/unblock`, {})).statusCode).toBe(200)
    await passwordStep(t, account.login_name, account.password)
  })

  it('ends an account: its session is refused at once, its links end, it cannot log in again', async () => {
    const account = await createAccount(t.db)
    const client = await createClient(t.db)
    const link = await createLink(t.db, account.id, client.id)
    const login = await logIn(t, account)
    expect((await t.app.inject({ method: 'GET', url: `/api/clients/${client.id}/reports`, headers: login.headers })).statusCode).toBe(200)
    expect((await send(t, admin, 'POST', `/api/admin/accounts/${account.id}/end`, {})).statusCode).toBe(200)
    expect((await t.app.inject({ method: 'GET', url: `/api/clients/${client.id}/reports`, headers: login.headers })).statusCode).toBe(401)
    const row = await t.db.selectFrom('client_link').select(['ended_at', 'end_reason']).where('id', '=', link.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ ended_at: now, end_reason: 'account_ended' })
    expect((await postJson(t, '/api/session', { loginName: account.login_name, password: account.password })).json().error.code).toBe('invalid_credentials')
    expect((await send(t, admin, 'POST', `/api/admin/accounts/${account.id}/end`, {})).statusCode).toBe(404)
    expect((await send(t, admin, 'POST', `/api/admin/accounts/${adminAccountId}/end`, {})).statusCode).toBe(409)
  })

  it('answers 404 for an unknown account and refuses a body on an action', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000'
    expect((await send(t, admin, 'POST', `/api/admin/accounts/${unknown}/block`, {})).statusCode).toBe(404)
    expect((await send(t, admin, 'GET', `/api/admin/accounts/${unknown}`)).statusCode).toBe(404)
    const account = await createAccount(t.db)
    expect((await send(t, admin, 'POST', `/api/admin/accounts/${account.id}/block`, { blockedAt: null })).statusCode).toBe(400)
  })
})
