import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount } from '../../../test/factories.ts'
import { logIn, passwordStep, postJson, sessionCookieOf } from '../../../test/login-helper.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { emailsTo, enrolTotp, send, totpCode } from './second-factors.test-support.ts'

let t: TestApp
let now = new Date('2026-11-27T09:00:00Z')
beforeAll(async () => {
  t = await createTestApp({ now })
})
afterAll(() => t.close())

const MINUTE = 60_000
function moveClock(ms: number): void {
  now = new Date(now.getTime() + ms)
  t.setNow(now)
}

function verify(attemptToken: string, method: 'totp' | 'recovery_code', code: string) {
  return postJson(t, '/api/session/verify', { attemptToken, method, code })
}

async function failedAttempts(accountId: string): Promise<number> {
  const row = await t.db.selectFrom('account').select('failed_attempts').where('id', '=', accountId).executeTakeFirstOrThrow()
  return row.failed_attempts
}

describe('enrolling an authenticator app', () => {
  it('gives a QR code, the otpauth URI and the secret in groups; stores the secret encrypted; a first code confirms and brings ten recovery codes', async () => {
    const account = await createAccount(t.db)
    const me = await logIn(t, account)
    const started = await send(t, me, 'POST', '/api/profile/totp', {})
    expect(started.statusCode, started.body).toBe(200)
    const enrolment = started.json<{ qrCodeDataUrl: string; otpauthUri: string; secretGroups: string[]; accountName: string; digits: number; periodSeconds: number }>()
    const secret = enrolment.secretGroups.join('')
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(enrolment.secretGroups.every((group) => group.length === 4)).toBe(true)
    expect(enrolment.otpauthUri).toMatch(/^otpauth:\/\/totp\//)
    expect(new URL(enrolment.otpauthUri).searchParams.get('secret')).toBe(secret)
    expect(enrolment).toMatchObject({ accountName: account.login_name, digits: 6, periodSeconds: 30 })
    expect(enrolment.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(Buffer.from(enrolment.qrCodeDataUrl.split(',')[1] ?? '', 'base64').toString('utf8')).toContain('<svg')

    const stored = await t.db.selectFrom('account_totp').selectAll().where('account_id', '=', account.id).executeTakeFirstOrThrow()
    expect(stored.secret_encrypted.includes(Buffer.from(secret))).toBe(false)
    expect(t.cipher.decrypt(stored.secret_encrypted)).toBe(secret)
    expect(stored.confirmed_at).toBeNull()

    const right = totpCode(enrolment.secretGroups, now)
    const wrong = await send(t, me, 'POST', '/api/profile/totp/confirm', { code: right === '123456' ? '654321' : '123456' })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error.code).toBe('wrong_code')

    const confirmed = await send(t, me, 'POST', '/api/profile/totp/confirm', { code: right })
    expect(confirmed.statusCode, confirmed.body).toBe(200)
    const codes = confirmed.json<{ codes: string[] }>().codes
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/)
    const hashes = await t.db.selectFrom('recovery_code').select('code_hash').where('account_id', '=', account.id).execute()
    expect(hashes).toHaveLength(10)
    expect(hashes.some((row) => codes.some((code) => row.code_hash.includes(Buffer.from(code.replace(/-/g, '')))))).toBe(false)

    const profile = await send(t, me, 'GET', '/api/profile')
    expect(profile.json().secondFactors).toMatchObject({ sms: true, totp: true, recoveryCodesLeft: 10 })
    expect(profile.body).not.toContain(secret)

    const again = await send(t, me, 'POST', '/api/profile/totp', {})
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('already_enrolled')

    const [email] = await emailsTo(t.db, account.email)
    expect(email?.subject).toBe('Authenticator-app gekoppeld')
    expect(email?.body_text).toContain('Was u dit niet?')
    expect(email?.body_text).not.toContain(secret)
  })

  it('refuses to confirm after ten minutes', async () => {
    const me = await logIn(t, await createAccount(t.db))
    const started = await send(t, me, 'POST', '/api/profile/totp', {})
    const { secretGroups } = started.json<{ secretGroups: string[] }>()
    moveClock(10 * MINUTE)
    const late = await send(t, me, 'POST', '/api/profile/totp/confirm', { code: totpCode(secretGroups, now) })
    expect(late.statusCode).toBe(410)
    expect(late.json().error.code).toBe('enrolment_expired')
  })
})

describe('logging in with the app', () => {
  it('offers totp and recovery_code after the password, and accepts a current code', async () => {
    const account = await createAccount(t.db)
    const { secretGroups } = await enrolTotp(t, await logIn(t, account), now)
    moveClock(MINUTE)
    const res = await postJson(t, '/api/session', { loginName: account.login_name, password: account.password })
    expect(res.json().methods).toEqual(['sms', 'totp', 'recovery_code'])
    const ok = await verify(res.json().attemptToken, 'totp', totpCode(secretGroups, now))
    expect(ok.statusCode, ok.body).toBe(200)
    expect(sessionCookieOf(ok)).toBeDefined()
    const session = await t.db.selectFrom('session').select('second_factor').where('account_id', '=', account.id).orderBy('created_at', 'desc').executeTakeFirstOrThrow()
    expect(session.second_factor).toBe('totp')
    expect(await failedAttempts(account.id)).toBe(0)
  })

  it('refuses a code once accepted, within its window, also for another login attempt (property 6)', async () => {
    const account = await createAccount(t.db)
    const { secretGroups } = await enrolTotp(t, await logIn(t, account), now)
    // The code that confirmed the enrolment is used up already.
    const sameStep = await verify(await passwordStep(t, account.login_name, account.password), 'totp', totpCode(secretGroups, now))
    expect(sameStep.statusCode).toBe(401)

    moveClock(MINUTE)
    const code = totpCode(secretGroups, now)
    expect((await verify(await passwordStep(t, account.login_name, account.password), 'totp', code)).statusCode).toBe(200)
    const replay = await verify(await passwordStep(t, account.login_name, account.password), 'totp', code)
    expect(replay.statusCode).toBe(401)
    expect(replay.json().error.code).toBe('invalid_code')
    // Still within the ±1 step window half a minute later: still refused.
    moveClock(30_000)
    expect((await verify(await passwordStep(t, account.login_name, account.password), 'totp', code)).statusCode).toBe(401)
    // The next code works.
    expect((await verify(await passwordStep(t, account.login_name, account.password), 'totp', totpCode(secretGroups, now))).statusCode).toBe(200)
  })

  it('accepts a code one step early or late, not two', async () => {
    const account = await createAccount(t.db)
    const { secretGroups } = await enrolTotp(t, await logIn(t, account), now)
    moveClock(5 * MINUTE)
    const tooEarly = totpCode(secretGroups, new Date(now.getTime() + 60_000))
    const tooLate = totpCode(secretGroups, new Date(now.getTime() - 60_000))
    for (const code of [tooEarly, tooLate]) {
      if (code === totpCode(secretGroups, now)) continue
      expect((await verify(await passwordStep(t, account.login_name, account.password), 'totp', code)).statusCode).toBe(401)
    }
    const previous = totpCode(secretGroups, new Date(now.getTime() - 30_000))
    expect((await verify(await passwordStep(t, account.login_name, account.password), 'totp', previous)).statusCode).toBe(200)
  })

  it('counts wrong app codes toward the same lockout; then even the right code fails with the same answer (property 4)', async () => {
    const account = await createAccount(t.db)
    const { secretGroups } = await enrolTotp(t, await logIn(t, account), now)
    moveClock(MINUTE)
    const attemptToken = await passwordStep(t, account.login_name, account.password)
    const right = totpCode(secretGroups, now)
    const wrongCode = right === '000000' ? '111111' : '000000'
    let wrong = await verify(attemptToken, 'totp', wrongCode)
    for (let i = 1; i < 9; i++) wrong = await verify(attemptToken, 'totp', wrongCode)
    expect(await failedAttempts(account.id)).toBe(10)
    const refused = await verify(attemptToken, 'totp', right)
    expect(refused.statusCode).toBe(wrong.statusCode)
    expect(refused.body).toBe(wrong.body)
    // The refused right code was not used up: once the delay is over, it would still work.
    const stored = await t.db.selectFrom('account_totp').select('last_used_step').where('account_id', '=', account.id).executeTakeFirstOrThrow()
    expect(Number(stored.last_used_step)).toBeLessThan(Math.floor(now.getTime() / 30_000))
  })
})

describe('recovery codes', () => {
  it('log in once each, typed in any case and with spaces', async () => {
    const account = await createAccount(t.db)
    const me = await logIn(t, account)
    const { recoveryCodes } = await enrolTotp(t, me, now)
    const [first = ''] = recoveryCodes
    const typed = ` ${first.toLowerCase().replace(/-/g, ' ')} `
    const ok = await verify(await passwordStep(t, account.login_name, account.password), 'recovery_code', typed)
    expect(ok.statusCode, ok.body).toBe(200)
    const again = await verify(await passwordStep(t, account.login_name, account.password), 'recovery_code', first)
    expect(again.statusCode).toBe(401)
    expect(again.json().error.code).toBe('invalid_code')
    expect((await send(t, me, 'GET', '/api/profile')).json().secondFactors.recoveryCodesLeft).toBe(9)
  })

  it('are regenerated only after a recent login; the old ones stop working', async () => {
    const account = await createAccount(t.db)
    const me = await logIn(t, account)
    const { recoveryCodes } = await enrolTotp(t, me, now)
    moveClock(6 * MINUTE)
    const stale = await send(t, me, 'POST', '/api/profile/recovery-codes', {})
    expect(stale.statusCode).toBe(403)
    expect(stale.json().error.code).toBe('reauthentication_required')
    expect((await send(t, me, 'POST', '/api/session/reauthenticate', { password: account.password })).statusCode).toBe(200)
    const fresh = await send(t, me, 'POST', '/api/profile/recovery-codes', {})
    expect(fresh.statusCode, fresh.body).toBe(200)
    const newCodes = fresh.json<{ codes: string[] }>().codes
    expect(newCodes).toHaveLength(10)
    expect((await verify(await passwordStep(t, account.login_name, account.password), 'recovery_code', recoveryCodes[0] ?? '')).statusCode).toBe(401)
    expect((await verify(await passwordStep(t, account.login_name, account.password), 'recovery_code', newCodes[0] ?? '')).statusCode).toBe(200)
    expect((await emailsTo(t.db, account.email))[0]?.subject).toBe('Nieuwe herstelcodes')
  })
})

describe('removing the app', () => {
  it('needs a recent login, tells the person by e-mail, and the app no longer logs in', async () => {
    const account = await createAccount(t.db)
    const me = await logIn(t, account)
    const { secretGroups } = await enrolTotp(t, me, now)
    moveClock(6 * MINUTE)
    const stale = await t.app.inject({ method: 'DELETE', url: '/api/profile/totp', headers: me.headers })
    expect(stale.statusCode).toBe(403)
    expect(stale.json().error.code).toBe('reauthentication_required')
    await send(t, me, 'POST', '/api/session/reauthenticate', { password: account.password })
    const removed = await t.app.inject({ method: 'DELETE', url: '/api/profile/totp', headers: me.headers })
    expect(removed.statusCode, removed.body).toBe(200)
    expect(removed.json().secondFactors.totp).toBe(false)
    expect((await emailsTo(t.db, account.email))[0]?.subject).toBe('Authenticator-app verwijderd')

    const res = await postJson(t, '/api/session', { loginName: account.login_name, password: account.password })
    expect(res.json().methods).toEqual(['sms', 'recovery_code'])
    expect((await verify(res.json().attemptToken, 'totp', totpCode(secretGroups, now))).statusCode).toBe(401)
    expect((await t.app.inject({ method: 'DELETE', url: '/api/profile/totp', headers: me.headers })).statusCode).toBe(404)
  })
})
