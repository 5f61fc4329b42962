import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount } from '../../test/factories.ts'
import { logIn, passwordStep, postJson, sessionCookieOf, smsCodeFor } from '../../test/login-helper.ts'
import { addProbeRoute, PROBE_URL } from '../../test/probe-route.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { SESSION_COOKIE } from './session.service.ts'

let t: TestApp
let now = new Date('2026-11-27T09:00:00Z')
beforeAll(async () => {
  t = await createTestApp({ now, extraRoutes: addProbeRoute })
})
afterAll(() => t.close())

function moveClock(ms: number): void {
  now = new Date(now.getTime() + ms)
  t.setNow(now)
}

const MINUTE = 60_000

function getSession(cookie: string) {
  return t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })
}

describe('the session cookie', () => {
  it('is __Host-, Secure, HttpOnly and SameSite, for the whole site and no domain (property 11)', async () => {
    const account = await createAccount(t.db)
    const attemptToken = await passwordStep(t, account.login_name, account.password)
    const code = await smsCodeFor(t, attemptToken, account.mobile_phone ?? '')
    const res = await postJson(t, '/api/session/verify', { attemptToken, method: 'sms', code })
    expect(res.statusCode).toBe(200)
    const header = String(res.headers['set-cookie'])
    expect(header.startsWith(`${SESSION_COOKIE}=`)).toBe(true)
    expect(header).toMatch(/; Secure(;|$)/)
    expect(header).toMatch(/; HttpOnly(;|$)/)
    expect(header).toMatch(/; SameSite=(Lax|Strict)(;|$)/)
    expect(header).toMatch(/; Path=\/(;|$)/)
    expect(header).not.toMatch(/Domain=/i)
    // 256 random bits.
    expect(sessionCookieOf(res)).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('changes at every login, and a cookie the browser already had is not taken over (property 10)', async () => {
    const account = await createAccount(t.db)
    const planted = `${SESSION_COOKIE}=${'A'.repeat(43)}`
    const attemptToken = await passwordStep(t, account.login_name, account.password)
    const code = await smsCodeFor(t, attemptToken, account.mobile_phone ?? '')
    const res = await postJson(t, '/api/session/verify', { attemptToken, method: 'sms', code }, { cookie: planted })
    expect(res.statusCode).toBe(200)
    const issued = sessionCookieOf(res)
    expect(issued).toBeDefined()
    expect(issued).not.toBe('A'.repeat(43))
    expect((await getSession(planted)).statusCode).toBe(401)

    const first = await logIn(t, account)
    const second = await logIn(t, account)
    expect(new Set([issued, first.token, second.token]).size).toBe(3)
  })
})

describe('ending a session', () => {
  it('without a cookie is an ordinary answer: nobody is logged in (no error in the login page\'s console)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/session' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ account: null })
    expect(res.headers['set-cookie']).toBeUndefined()
  })

  it('after logout the old cookie gets 401, and the answer clears the cookie (property 12)', async () => {
    const account = await createAccount(t.db)
    const session = await logIn(t, account)
    const out = await t.app.inject({ method: 'POST', url: '/api/session/logout', headers: { ...session.headers, 'content-type': 'application/json' }, payload: '{}' })
    expect(out.statusCode).toBe(200)
    expect(String(out.headers['set-cookie'])).toMatch(new RegExp(`^${SESSION_COOKIE}=;`))
    const after = await getSession(session.headers.cookie)
    expect(after.statusCode).toBe(401)
    expect(after.json().error.code).toBe('unauthenticated')
    expect(String(after.headers['set-cookie'])).toMatch(new RegExp(`^${SESSION_COOKIE}=;`))
  })

  it('blocking the account gives every one of its cookies 401 at once (property 12)', async () => {
    const account = await createAccount(t.db)
    const onPhone = await logIn(t, account)
    const onLaptop = await logIn(t, account)
    expect((await getSession(onPhone.headers.cookie)).statusCode).toBe(200)
    await t.db.updateTable('account').set({ blocked_at: now }).where('id', '=', account.id).execute()
    expect((await getSession(onPhone.headers.cookie)).statusCode).toBe(401)
    expect((await getSession(onLaptop.headers.cookie)).statusCode).toBe(401)
  })
})

describe('timeouts, with the injected clock (property 13)', () => {
  it('ends a session after 15 idle minutes; activity keeps it alive', async () => {
    const account = await createAccount(t.db)
    const session = await logIn(t, account)
    moveClock(14 * MINUTE)
    expect((await getSession(session.headers.cookie)).statusCode).toBe(200)
    // 28 minutes after login, but only 14 after the last request.
    moveClock(14 * MINUTE)
    expect((await getSession(session.headers.cookie)).statusCode).toBe(200)
    moveClock(15 * MINUTE)
    expect((await getSession(session.headers.cookie)).statusCode).toBe(401)
    // Ended for good: coming back to the old time does not revive it.
    moveClock(-15 * MINUTE)
    expect((await getSession(session.headers.cookie)).statusCode).toBe(401)
    moveClock(15 * MINUTE)
  })

  it('follows the idle timeout the organisation chose', async () => {
    await t.db.insertInto('organisation').values({ name: 'Zorggroep Test', session_idle_minutes: 5 }).onConflict((oc) => oc.column('id').doUpdateSet({ session_idle_minutes: 5 })).execute()
    try {
      const account = await createAccount(t.db)
      const session = await logIn(t, account)
      expect((await getSession(session.headers.cookie)).json().idleTimeoutSeconds).toBe(300)
      moveClock(5 * MINUTE)
      expect((await getSession(session.headers.cookie)).statusCode).toBe(401)
    } finally {
      await t.db.deleteFrom('organisation').execute()
    }
  })

  it('ends a session 12 hours after login however active it is', async () => {
    const account = await createAccount(t.db)
    const session = await logIn(t, account)
    const keepAlive = () => t.app.inject({ method: 'POST', url: '/api/session/keep-alive', headers: { ...session.headers, 'content-type': 'application/json' }, payload: '{}' })
    const start = now.getTime()
    while (now.getTime() + 10 * MINUTE < start + 12 * 60 * MINUTE) {
      moveClock(10 * MINUTE)
      expect((await keepAlive()).statusCode).toBe(200)
    }
    moveClock(start + 12 * 60 * MINUTE - now.getTime())
    const res = await keepAlive()
    expect(res.statusCode).toBe(401)
    expect(res.json().error.code).toBe('unauthenticated')
  })
})

describe('CSRF (property 18)', () => {
  it('refuses a state-changing request without the X-CSRF-Token header, or with a wrong one', async () => {
    const account = await createAccount(t.db)
    const session = await logIn(t, account)
    const send = (headers: Record<string, string>) => t.app.inject({ method: 'POST', url: '/api/session/keep-alive', headers: { 'content-type': 'application/json', ...headers }, payload: '{}' })
    const missing = await send({ cookie: session.headers.cookie })
    expect(missing.statusCode).toBe(403)
    expect(missing.json().error.code).toBe('csrf_failed')
    const wrong = await send({ cookie: session.headers.cookie, 'x-csrf-token': 'B'.repeat(43) })
    expect(wrong.statusCode).toBe(403)
    expect((await send(session.headers)).statusCode).toBe(200)
  })

  it('refuses the token of another session', async () => {
    const account = await createAccount(t.db)
    const mine = await logIn(t, account)
    const other = await logIn(t, await createAccount(t.db))
    const res = await t.app.inject({ method: 'POST', url: '/api/session/keep-alive', headers: { 'content-type': 'application/json', cookie: mine.headers.cookie, 'x-csrf-token': other.csrfToken }, payload: '{}' })
    expect(res.statusCode).toBe(403)
  })

  it('refuses Sec-Fetch-Site cross-site and same-site, and a foreign Origin, even with the right token', async () => {
    const account = await createAccount(t.db)
    const session = await logIn(t, account)
    for (const extra of [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'https://evil.example' }]) {
      const res = await t.app.inject({ method: 'POST', url: PROBE_URL, headers: { ...session.headers, 'content-type': 'application/json', ...extra }, payload: '{}' })
      expect(res.statusCode, JSON.stringify(extra)).toBe(403)
      expect(res.json().error.code).toBe('csrf_failed')
    }
    const sameOrigin = await t.app.inject({ method: 'POST', url: PROBE_URL, headers: { ...session.headers, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, payload: '{}' })
    expect(sameOrigin.statusCode).toBe(200)
  })

  it('refuses a cross-site login, so nobody can log a browser into their own account', async () => {
    const account = await createAccount(t.db)
    const res = await postJson(t, '/api/session', { loginName: account.login_name, password: account.password }, { 'sec-fetch-site': 'cross-site' })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('csrf_failed')
  })
})
