import { HOTP, Secret } from 'otpauth'
import { expect } from 'vitest'
import type { FieldCipher } from '../platform/crypto/field-encryption.ts'
import type { Db } from '../platform/db/database.ts'
import { SESSION_COOKIE } from '../identity/authentication/session.service.ts'
import { newTotpSecret } from '../identity/authentication/second-factors/totp.ts'
import { createAccount } from './factories.ts'
import { rememberSecret } from './log-capture.ts'
import { type LoggedIn, passwordStep, postJson, sessionCookieOf } from './login-helper.ts'
import type { TestApp } from './test-app.ts'

let staffSequence = 0

/**
 * A staff account with its staff record and a confirmed authenticator app (the mandatory
 * strong factor); pass `totp: false` for one that has only SMS. Roles default to caregiver.
 */
export async function createStaffAccount(
  db: Db,
  cipher: FieldCipher,
  options: { caregiver?: boolean; administrator?: boolean; totp?: boolean; name?: string; now?: Date } = {},
) {
  staffSequence++
  const name = options.name ?? `Medewerker ${staffSequence}`
  const account = await createAccount(db, { kind: 'staff', login_name: `test.medewerker${staffSequence}`, display_name: name })
  const staff = await db
    .insertInto('staff_member')
    .values({ account_id: account.id, name, is_caregiver: options.caregiver ?? true, is_administrator: options.administrator ?? false })
    .returningAll()
    .executeTakeFirstOrThrow()
  let totpSecret: string | null = null
  if (options.totp !== false) {
    totpSecret = rememberSecret(newTotpSecret())
    const at = options.now ?? new Date('2026-01-01T00:00:00Z')
    await db.insertInto('account_totp').values({ account_id: account.id, secret_encrypted: cipher.encrypt(totpSecret), created_at: at, confirmed_at: at }).execute()
  }
  return { ...account, staffMemberId: staff.id, totpSecret }
}

/** The app code for `at` (one login per staff member per 30-second step: codes are single-use). */
export function staffTotpCode(secret: string, at: Date): string {
  return HOTP.generate({ secret: Secret.fromBase32(secret), counter: Math.floor(at.getTime() / 30_000), digits: 6, algorithm: 'SHA1' })
}

/** Logs a staff member in with password and app code at `at` (the test app's clock). */
export async function logInStaff(t: TestApp, staff: { login_name: string; password: string; totpSecret: string | null }, at: Date): Promise<LoggedIn> {
  if (!staff.totpSecret) throw new Error('logInStaff needs a staff account with an authenticator app')
  const attemptToken = await passwordStep(t, staff.login_name, staff.password)
  const verified = await postJson(t, '/api/session/verify', { attemptToken, method: 'totp', code: staffTotpCode(staff.totpSecret, at) })
  expect(verified.statusCode, verified.body).toBe(200)
  const token = sessionCookieOf(verified)
  if (!token) throw new Error('the login set no session cookie')
  rememberSecret(token)
  const cookie = `${SESSION_COOKIE}=${token}`
  const session = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })
  const csrfToken = rememberSecret(session.json<{ csrfToken: string }>().csrfToken)
  return { token, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } }
}
