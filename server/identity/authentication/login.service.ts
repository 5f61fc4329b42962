import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import type { LoginChallenge, SmsCodeSent } from '../../../shared/schemas/auth.ts'
import type { FieldCipher } from '../../platform/crypto/field-encryption.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError, rateLimited } from '../../platform/errors.ts'
import { type Actor, anonymousActor, recordAccess, type RequestSource } from '../../platform/access-log/access-log.service.ts'
import { hashPassword, verifyPassword } from '../accounts/password-hash.ts'
import { getBranding } from '../../organisation/settings/organisation.service.ts'
import { enqueueSms } from '../../platform/outbox/outbox.service.ts'
import { checkOtherFactorCode, loginMethodsOf } from './second-factors/login-factors.ts'
import { smsLoginAllowed } from '../staff-access/staff-access.policy.ts'
import { isThrottled, registerFailure, resetFailures } from './lockout.ts'
import { findAccountById, findAccountByLoginName, findOpenAttemptForUpdate, insertLoginAttempt, updateLoginAttempt } from './login.repository.ts'
import { consumeRateLimit } from './rate-limit.ts'
import { hashSecretToken, newSecretToken } from './secret-token.ts'
import { startSession } from './session.service.ts'

const ATTEMPT_LIFETIME_MS = 10 * 60_000
const SMS_CODE_LIFETIME_MS = 5 * 60_000
const SMS_CODE_MAX_TRIES = 5
const SMS_REQUESTS_PER_ATTEMPT = 3
const SMS_REQUEST_INTERVAL_MS = 30_000
const SMS_PER_ACCOUNT_PER_HOUR = 10
const LOGINS_PER_ADDRESS_PER_10_MINUTES = 50

/**
 * Compared against when the login name is unknown, so an unknown account costs the same
 * argon2 work as a known one: the hash of a random secret nobody knows, made once.
 */
let dummyHash: Promise<string> | undefined
function unknownAccountHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64'))
  return dummyHash
}

type Account = NonNullable<Awaited<ReturnType<typeof findAccountByLoginName>>>

function accountActor(account: Pick<Account, 'id' | 'kind' | 'display_name'>): Actor {
  return { type: account.kind === 'staff' ? 'staff' : 'account', id: account.id, role: account.kind, name: account.display_name }
}

function canLogIn(account: Account, now: Date): boolean {
  return account.password_hash !== null && !account.blocked_at && !account.ended_at && !isThrottled(account, now)
}

/**
 * Step one: login name and password. Every refusal — unknown name, wrong password, blocked,
 * throttled — is the same `invalid_credentials`, so the answer tells an attacker nothing.
 * A right password counts as a failure until the second factor completes the login:
 * abandoned logins count toward the limit like wrong codes.
 */
export async function verifyPasswordStep(db: Db, loginName: string, password: string, source: RequestSource, now: Date): Promise<LoginChallenge> {
  if (!(await consumeRateLimit(db, `login:ip:${source.ip}`, LOGINS_PER_ADDRESS_PER_10_MINUTES, 600, now))) throw rateLimited('login per address')
  const account = await findAccountByLoginName(db, loginName)
  const passwordMatches = await verifyPassword(account?.password_hash ?? (await unknownAccountHash()), password)
  if (!account) {
    await recordAccess(db, anonymousActor, source, { action: 'login', outcome: 'failure', clientId: null, dataKind: 'account' }, now)
    throw new AppError('invalid_credentials', 'unknown login name')
  }
  const allowed = canLogIn(account, now) && passwordMatches
  // A right password counts but does not throttle by itself: past the limit, it would
  // otherwise throttle the account again before the person could enter the code.
  await registerFailure(db, account.id, now, { throttle: !allowed })
  const actor = accountActor(account)
  if (!allowed) {
    await recordAccess(db, actor, source, { action: 'login', outcome: 'failure', clientId: null, dataKind: 'account', recordId: account.id }, now)
    throw new AppError('invalid_credentials', passwordMatches ? 'account cannot log in now' : 'wrong password')
  }
  // Its own row (data kind 'password'), so a login abandoned after the password is logged too.
  await recordAccess(db, actor, source, { action: 'login', outcome: 'success', clientId: null, dataKind: 'password', recordId: account.id }, now)
  // Staff with an app or passkey may no longer use SMS (issue 5: a mandatory strong factor).
  const smsAllowed = await smsLoginAllowed(db, account)
  const methods = (await loginMethodsOf(db, account)).filter((method) => method !== 'sms' || smsAllowed)
  if (methods.length === 0) throw new AppError(smsAllowed ? 'no_second_factor' : 'use_passkey')

  const attemptToken = newSecretToken()
  await insertLoginAttempt(db, {
    token_hash: hashSecretToken(attemptToken),
    account_id: account.id,
    created_at: now,
    expires_at: new Date(now.getTime() + ATTEMPT_LIFETIME_MS),
  })
  return { attemptToken, methods, phoneEnding: account.mobile_phone ? account.mobile_phone.slice(-2) : null }
}

function smsCodeHash(attemptId: string, secret: string): Buffer {
  return createHash('sha256').update(`${attemptId}:${secret}`).digest()
}

/**
 * Sends a new SMS code for this login attempt: four digits to recognise it by, shown on
 * screen, and six secret digits. A new code replaces the old one but does not give back
 * the failures already counted.
 */
export async function requestSmsCode(db: Db, attemptToken: string, now: Date): Promise<SmsCodeSent> {
  return db.transaction().execute(async (trx) => {
    const attempt = await findOpenAttemptForUpdate(trx, hashSecretToken(attemptToken), now)
    if (!attempt) throw new AppError('login_expired')
    const account = await findAccountById(trx, attempt.account_id)
    if (!account?.mobile_phone || !(await smsLoginAllowed(trx, account))) throw new AppError('no_second_factor')
    const tooSoon = attempt.sms_last_requested_at && now.getTime() - attempt.sms_last_requested_at.getTime() < SMS_REQUEST_INTERVAL_MS
    if (tooSoon || attempt.sms_requests >= SMS_REQUESTS_PER_ATTEMPT) throw rateLimited('sms per attempt')
    if (!(await consumeRateLimit(trx, `sms:account:${account.id}`, SMS_PER_ACCOUNT_PER_HOUR, 3600, now))) throw rateLimited('sms per account')

    const prefix = String(randomInt(1000, 10000))
    const secret = String(randomInt(0, 1_000_000)).padStart(6, '0')
    const expiresAt = new Date(now.getTime() + SMS_CODE_LIFETIME_MS)
    await updateLoginAttempt(trx, attempt.id, {
      sms_prefix: prefix,
      sms_code_hash: smsCodeHash(attempt.id, secret),
      sms_code_expires_at: expiresAt,
      sms_code_tries: 0,
      sms_requests: attempt.sms_requests + 1,
      sms_last_requested_at: now,
    })
    const { name } = await getBranding(trx)
    await enqueueSms(trx, { to: account.mobile_phone, text: `Uw inlogcode voor ${name} is ${prefix}-${secret}. Deel deze code met niemand.` }, now)
    return { prefix, expiresAt: expiresAt.toISOString() }
  })
}

/**
 * Step two: the code. On success the attempt is used up, the failure count cleared and a
 * session started; the token for the cookie is returned. Every wrong code counts as a failure.
 */
export async function verifySecondFactor(
  db: Db,
  input: { attemptToken: string; method: 'sms' | 'totp' | 'recovery_code'; code: string },
  source: RequestSource,
  now: Date,
  cipher: FieldCipher,
): Promise<string> {
  const outcome = await db.transaction().execute(async (trx) => {
    const attempt = await findOpenAttemptForUpdate(trx, hashSecretToken(input.attemptToken), now)
    if (!attempt) return { ok: false as const, error: 'login_expired' as const }
    const account = await findAccountById(trx, attempt.account_id)
    if (!account) return { ok: false as const, error: 'login_expired' as const }

    // A throttled account's code is not even looked at: an app step or recovery code is not used up.
    const allowed =
      canLogIn(account, now) &&
      (input.method === 'sms' ? (await smsLoginAllowed(trx, account)) && checkSmsCode(attempt, input.code, now) : await checkOtherFactorCode(trx, cipher, account.id, input.method, input.code, now))
    if (!allowed) {
      if (input.method === 'sms') await updateLoginAttempt(trx, attempt.id, { sms_code_tries: attempt.sms_code_tries + 1 })
      await registerFailure(trx, account.id, now)
      await recordAccess(trx, accountActor(account), source, { action: 'login', outcome: 'failure', clientId: null, dataKind: 'account', recordId: account.id }, now)
      return { ok: false as const, error: 'invalid_code' as const }
    }
    await updateLoginAttempt(trx, attempt.id, { completed_at: now, sms_code_hash: null })
    await resetFailures(trx, account.id)
    await recordAccess(trx, accountActor(account), source, { action: 'login', outcome: 'success', clientId: null, dataKind: 'account', recordId: account.id }, now)
    const token = await startSession(trx, { accountId: account.id, secondFactor: input.method, ip: source.ip, userAgent: source.userAgent }, now)
    return { ok: true as const, token }
  })
  // Thrown after the transaction committed, so the counted failure is kept.
  if (!outcome.ok) throw new AppError(outcome.error)
  return outcome.token
}

function checkSmsCode(
  attempt: { id: string; sms_prefix: string | null; sms_code_hash: Buffer | null; sms_code_expires_at: Date | null; sms_code_tries: number },
  code: string,
  now: Date,
): boolean {
  if (!attempt.sms_code_hash || !attempt.sms_code_expires_at || attempt.sms_code_expires_at <= now) return false
  if (attempt.sms_code_tries >= SMS_CODE_MAX_TRIES) return false
  // People may type the whole code with its prefix, or with spaces: keep the last six digits.
  const digits = code.replace(/\D/g, '')
  if (digits.length !== 6 && digits.length !== 10) return false
  if (digits.length === 10 && digits.slice(0, 4) !== attempt.sms_prefix) return false
  return timingSafeEqual(smsCodeHash(attempt.id, digits.slice(-6)), attempt.sms_code_hash)
}
