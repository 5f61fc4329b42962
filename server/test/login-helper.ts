import type { LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'
import type { Db } from '../platform/db/database.ts'
import { SESSION_COOKIE } from '../identity/authentication/session.service.ts'
import { rememberSecret } from './log-capture.ts'
import type { TestApp } from './test-app.ts'
import { readOutbox } from '../platform/outbox/outbox.test-support.ts'

/** A logged-in test person: send `headers` with every request. */
export interface LoggedIn {
  /** The session token (the cookie's value). */
  token: string
  /** `cookie: '__Host-portal_session=…'`, plus `x-csrf-token` for state-changing requests. */
  headers: { cookie: string; 'x-csrf-token': string }
  csrfToken: string
}

/** Where each step of the login came from; the default is the test's own address. */
interface LoginOptions {
  remoteAddress?: string
}

export function postJson(t: TestApp, url: string, body: unknown, headers: Record<string, string> = {}, options: LoginOptions = {}) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', ...headers },
    payload: JSON.stringify(body),
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
  })
}

/** The SMS code most recently queued for `phone`, as the person reads it: "3140-583920". */
export async function latestSmsCode(db: Db, phone: string): Promise<{ prefix: string; secret: string }> {
  // Other SMS (notifications) may follow; only a login code has this shape.
  const message = (await readOutbox(db, { channel: 'sms', recipient: phone })).filter((sms) => /\d{4}-\d{6}/.test(sms.body_text)).at(-1)
  if (!message) throw new Error(`no login code sent to ${phone}`)
  const match = /(\d{4})-(\d{6})/.exec(message.body_text)
  if (!match?.[1] || !match[2]) throw new Error('the SMS holds no login code')
  return { prefix: match[1], secret: match[2] }
}

/** The value of the session cookie a response sets, or undefined. */
export function sessionCookieOf(response: LightMyRequestResponse): string | undefined {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)
  return cookie?.value || undefined
}

/** Step one of the login; returns the attempt token. */
export async function passwordStep(t: TestApp, loginName: string, password: string, options: LoginOptions = {}): Promise<string> {
  const res = await postJson(t, '/api/session', { loginName, password }, {}, options)
  expect(res.statusCode, res.body).toBe(200)
  return rememberSecret(res.json<{ attemptToken: string }>().attemptToken)
}

/** Asks an SMS code for the attempt and reads it from the outbox. */
export async function smsCodeFor(t: TestApp, attemptToken: string, phone: string, options: LoginOptions = {}): Promise<string> {
  const res = await postJson(t, '/api/session/sms-code', { attemptToken }, {}, options)
  expect(res.statusCode, res.body).toBe(200)
  const { prefix, secret } = await latestSmsCode(t.db, phone)
  expect(res.json<{ prefix: string }>().prefix).toBe(prefix)
  return secret
}

/**
 * Logs a test account in all the way: password, SMS code read from the outbox, verify.
 * Returns the session cookie and the CSRF token (from GET /api/session).
 */
export async function logIn(
  t: TestApp,
  account: { login_name: string; password: string | null; mobile_phone: string | null },
  options: LoginOptions = {},
): Promise<LoggedIn> {
  if (!account.password || !account.mobile_phone) throw new Error('logIn needs an account with a password and a mobile number')
  const attemptToken = await passwordStep(t, account.login_name, account.password, options)
  const code = await smsCodeFor(t, attemptToken, account.mobile_phone, options)
  const verified = await postJson(t, '/api/session/verify', { attemptToken, method: 'sms', code }, {}, options)
  expect(verified.statusCode, verified.body).toBe(200)
  const token = sessionCookieOf(verified)
  if (!token) throw new Error('the login set no session cookie')
  return loggedInWith(t, token)
}

/** The session behind a new session cookie (any way in): its CSRF token from GET /api/session. */
export async function loggedInWith(t: TestApp, token: string): Promise<LoggedIn> {
  rememberSecret(token)
  const cookie = `${SESSION_COOKIE}=${token}`
  const session = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })
  expect(session.statusCode, session.body).toBe(200)
  const csrfToken = rememberSecret(session.json<{ csrfToken: string }>().csrfToken)
  return { token, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } }
}
