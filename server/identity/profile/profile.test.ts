import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount } from '../../test/factories.ts'
import { logIn, postJson } from '../../test/login-helper.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { hashSecretToken } from '../authentication/secret-token.ts'
import { emailsTo, send } from '../authentication/second-factors/second-factors.test-support.ts'
import { describeDevice } from './device-name.ts'
import { normaliseMobileNumber } from './phone-number.ts'

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

const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0'
const SAFARI_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1'

describe('GET /api/profile', () => {
  it('shows name, login name, e-mail, mobile number and second factors, and nothing else', async () => {
    const account = await createAccount(t.db, { display_name: 'Jan Jansen' })
    const me = await logIn(t, account)
    const res = await send(t, me, 'GET', '/api/profile')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      displayName: 'Jan Jansen',
      loginName: account.login_name,
      email: account.email,
      mobilePhone: account.mobile_phone,
      recentLoginUntil: new Date(now.getTime() + 5 * MINUTE).toISOString(),
      secondFactors: { sms: true, totp: false, passkeys: [], recoveryCodesLeft: 0 },
    })
  })

  it('is closed without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/profile' })).statusCode).toBe(401)
    expect((await postJson(t, '/api/session/reauthenticate', { password: 'x' })).statusCode).toBe(401)
  })
})

describe('sessions', () => {
  it('lists the active sessions with a short device name and the current one marked; ends all others', async () => {
    const account = await createAccount(t.db)
    const laptop = await logIn(t, account)
    const phone = await logIn(t, account)
    const ended = await logIn(t, account)
    await send(t, ended, 'POST', '/api/session/logout', {})
    await t.db.updateTable('session').set({ user_agent: FIREFOX_WINDOWS }).where('token_hash', '=', hashSecretToken(laptop.token)).execute()
    await t.db.updateTable('session').set({ user_agent: SAFARI_IPHONE }).where('token_hash', '=', hashSecretToken(phone.token)).execute()
    moveClock(MINUTE)

    const list = await send(t, laptop, 'GET', '/api/profile/sessions')
    expect(list.statusCode).toBe(200)
    const sessions = list.json<{ sessions: { device: string; current: boolean; createdAt: string; lastSeenAt: string }[] }>().sessions
    expect(sessions.map((s) => [s.device, s.current]).sort()).toEqual([
      ['Firefox op Windows', true],
      ['Safari op iPhone', false],
    ])
    expect(list.body).not.toContain(laptop.token)
    expect(Object.keys(sessions[0] ?? {}).sort()).toEqual(['assurance', 'createdAt', 'current', 'device', 'lastSeenAt', 'wayIn'])
    // "Waar bent u ingelogd?" names the way in and its level (both logged in with password + SMS here).
    expect(list.json<{ sessions: { wayIn: string; assurance: string }[] }>().sessions.map((s) => [s.wayIn, s.assurance])).toEqual([['sms', 'low'], ['sms', 'low']])

    const res = await send(t, laptop, 'POST', '/api/profile/sessions/end-others', {})
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ ended: 1 })
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: phone.headers.cookie } })).statusCode).toBe(401)
    expect((await send(t, laptop, 'GET', '/api/profile/sessions')).json().sessions).toHaveLength(1)
  })
})

describe('changing the mobile number (property 14)', () => {
  it('needs a recent login: five minutes after logging in it is refused and nothing changes', async () => {
    const account = await createAccount(t.db)
    const me = await logIn(t, account)
    moveClock(5 * MINUTE)
    const res = await send(t, me, 'PUT', '/api/profile/mobile-phone', { mobilePhone: '06 98765432' })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('reauthentication_required')
    const row = await t.db.selectFrom('account').select('mobile_phone').where('id', '=', account.id).executeTakeFirstOrThrow()
    expect(row.mobile_phone).toBe(account.mobile_phone)
    expect(await emailsTo(t.db, account.email)).toEqual([])
  })

  it('after the password once more, changes the number and queues an e-mail without it; the next SMS goes to the new number', async () => {
    const account = await createAccount(t.db)
    const me = await logIn(t, account)
    moveClock(10 * MINUTE)
    const reauth = await send(t, me, 'POST', '/api/session/reauthenticate', { password: account.password })
    expect(reauth.statusCode, reauth.body).toBe(200)
    expect(reauth.json()).toEqual({ status: 'ok', recentLoginUntil: new Date(now.getTime() + 5 * MINUTE).toISOString() })

    const res = await send(t, me, 'PUT', '/api/profile/mobile-phone', { mobilePhone: '06-9876 5432' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().mobilePhone).toBe('+31698765432')

    const [email, ...others] = await emailsTo(t.db, account.email)
    expect(others).toEqual([])
    expect(email?.subject).toBe('Uw mobiele nummer is gewijzigd')
    expect(email?.body_text).toContain('Uw mobiele nummer is gewijzigd.')
    expect(email?.body_text).toContain('Was u dit niet? Neem dan direct contact op met')
    for (const body of [email?.body_text, email?.body_html]) {
      expect(body).not.toContain('98765432')
      expect(body).not.toContain(account.mobile_phone?.slice(-8))
    }
    const log = await t.db.selectFrom('access_log').select(['action', 'outcome']).where('actor_id', '=', account.id).where('data_kind', '=', 'account_mobile_phone').execute()
    expect(log).toEqual([{ action: 'update', outcome: 'success' }])

    const challenge = await postJson(t, '/api/session', { loginName: account.login_name, password: account.password })
    expect(challenge.json().phoneEnding).toBe('32')
  })

  it('refuses what is not a mobile number', async () => {
    const me = await logIn(t, await createAccount(t.db))
    for (const mobilePhone of ['020 123 4567', 'bel mij maar', '+31 20 1234567']) {
      const res = await send(t, me, 'PUT', '/api/profile/mobile-phone', { mobilePhone })
      expect(res.statusCode).toBe(400)
      expect(res.json().error.code).toBe('phone_invalid')
    }
  })
})

describe('the password once more', () => {
  it('counts a wrong password toward the lockout; a throttled account gets the same answer with the right one', async () => {
    const account = await createAccount(t.db)
    const me = await logIn(t, account)
    const wrong = await send(t, me, 'POST', '/api/session/reauthenticate', { password: 'niet mijn wachtwoord' })
    expect(wrong.statusCode).toBe(403)
    expect(wrong.json().error.code).toBe('wrong_current_password')
    const row = await t.db.selectFrom('account').select('failed_attempts').where('id', '=', account.id).executeTakeFirstOrThrow()
    expect(row.failed_attempts).toBe(1)

    await t.db.updateTable('account').set({ throttled_until: new Date(now.getTime() + 10 * MINUTE) }).where('id', '=', account.id).execute()
    const throttled = await send(t, me, 'POST', '/api/session/reauthenticate', { password: account.password })
    expect(throttled.statusCode).toBe(wrong.statusCode)
    expect(throttled.body).toBe(wrong.body)
    const session = await t.db.selectFrom('session').select('authenticated_at').where('token_hash', '=', hashSecretToken(me.token)).executeTakeFirstOrThrow()
    expect(session.authenticated_at.getTime()).toBeLessThan(now.getTime() + 1)
  })
})

describe('changing the password (property 14)', () => {
  it('needs a recent login too, and then sends its notification', async () => {
    const account = await createAccount(t.db)
    const me = await logIn(t, account)
    moveClock(6 * MINUTE)
    const change = { currentPassword: account.password, newPassword: 'zeven zilveren zwanen zwemmen zachtjes' }
    const stale = await send(t, me, 'POST', '/api/password/change', change)
    expect(stale.statusCode).toBe(403)
    expect(stale.json().error.code).toBe('reauthentication_required')
    expect(await emailsTo(t.db, account.email)).toEqual([])

    await send(t, me, 'POST', '/api/session/reauthenticate', { password: account.password })
    const res = await send(t, me, 'POST', '/api/password/change', change)
    expect(res.statusCode, res.body).toBe(200)
    expect((await emailsTo(t.db, account.email))[0]?.subject).toBe('Uw wachtwoord is gewijzigd')
  })
})

describe('requests that must not get through', () => {
  it('refuses every profile change without the CSRF token (property 18)', async () => {
    const me = await logIn(t, await createAccount(t.db))
    const changes: [string, string, unknown][] = [
      ['POST', '/api/profile/sessions/end-others', {}],
      ['PUT', '/api/profile/mobile-phone', { mobilePhone: '0611111111' }],
      ['POST', '/api/profile/totp', {}],
      ['POST', '/api/profile/totp/confirm', { code: '123456' }],
      ['DELETE', '/api/profile/totp', undefined],
      ['POST', '/api/profile/recovery-codes', {}],
      ['POST', '/api/profile/passkeys/options', {}],
      ['DELETE', '/api/profile/passkeys/00000000-0000-4000-8000-000000000000', undefined],
      ['POST', '/api/session/reauthenticate', { password: 'x' }],
    ]
    for (const [method, url, body] of changes) {
      const res = await t.app.inject({
        method: method as 'POST',
        url,
        headers: { cookie: me.headers.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      })
      expect(res.statusCode, `${method} ${url}`).toBe(403)
      expect(res.json().error.code).toBe('csrf_failed')
    }
  })

  it('refuses fields a client may not set (property 16)', async () => {
    const account = await createAccount(t.db)
    const me = await logIn(t, account)
    const res = await send(t, me, 'PUT', '/api/profile/mobile-phone', { mobilePhone: '0611111111', email: 'aanvaller@example.org' })
    expect(res.statusCode).toBe(400)
    const row = await t.db.selectFrom('account').select(['email', 'mobile_phone']).where('id', '=', account.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ email: account.email, mobile_phone: account.mobile_phone })
  })
})

describe('helpers', () => {
  it('writes mobile numbers in international format', () => {
    expect(normaliseMobileNumber('06 12345678')).toBe('+31612345678')
    expect(normaliseMobileNumber('+31 (0)6-1234 5678')).toBe('+31612345678')
    expect(normaliseMobileNumber('0031612345678')).toBe('+31612345678')
    expect(normaliseMobileNumber('+32 470 12 34 56')).toBe('+32470123456')
    expect(normaliseMobileNumber('0201234567')).toBeNull()
    expect(normaliseMobileNumber('+3161234567')).toBeNull()
  })

  it('names devices briefly', () => {
    expect(describeDevice(FIREFOX_WINDOWS)).toBe('Firefox op Windows')
    expect(describeDevice(SAFARI_IPHONE)).toBe('Safari op iPhone')
    expect(describeDevice('Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36')).toBe('Chrome op Android')
    expect(describeDevice('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0')).toBe('Edge op Windows')
    expect(describeDevice('')).toBe('Onbekend apparaat')
    expect(describeDevice('lightMyRequest')).toBe('Onbekend apparaat')
  })
})
