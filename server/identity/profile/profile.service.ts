import type { Profile, SessionList } from '../../../shared/schemas/profile.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError, rateLimited } from '../../platform/errors.ts'
import { recordAccess, type RequestSource } from '../../platform/access-log/access-log.service.ts'
import { verifyPassword } from '../accounts/password-hash.ts'
import { notifyAccountChange, recentLoginUntil, requireRecentLogin, sessionActor } from '../authentication/account-change.ts'
import { isThrottled, registerFailure, resetFailures } from '../authentication/lockout.ts'
import { findAccountById } from '../authentication/login.repository.ts'
import { consumeRateLimit } from '../authentication/rate-limit.ts'
import type { ActiveSession } from '../authentication/session.service.ts'
import { getSecuritySettings } from '../../organisation/settings/organisation.service.ts'
import { listPasskeys } from '../authentication/second-factors/passkey-registration.service.ts'
import { countUnusedRecoveryCodes, findTotp } from '../authentication/second-factors/second-factor.repository.ts'
import { describeDevice } from './device-name.ts'
import { normaliseMobileNumber } from './phone-number.ts'
import { endOtherSessions, findActiveSessions, findProfileAccount, markSessionAuthenticated, updateMobilePhone } from './profile.repository.ts'

const REAUTHENTICATIONS_PER_ADDRESS_PER_10_MINUTES = 50

/** "Mijn profiel": who the person is and how they can log in. Never a secret, never a hash. */
export async function getProfile(db: Db, session: Pick<ActiveSession, 'accountId' | 'authenticatedAt'>): Promise<Profile> {
  const account = await findProfileAccount(db, session.accountId)
  if (!account) throw new AppError('unauthenticated')
  const totp = await findTotp(db, account.id)
  return {
    displayName: account.display_name,
    loginName: account.login_name,
    email: account.email,
    mobilePhone: account.mobile_phone,
    recentLoginUntil: recentLoginUntil(session).toISOString(),
    secondFactors: {
      sms: account.mobile_phone !== null,
      totp: Boolean(totp?.confirmed_at),
      passkeys: await listPasskeys(db, account.id),
      recoveryCodesLeft: await countUnusedRecoveryCodes(db, account.id),
    },
  }
}

/** The account's active sessions, the current one marked, so a person can spot one that is not theirs. */
export async function listSessions(db: Db, session: Pick<ActiveSession, 'accountId' | 'tokenHash'>, now: Date): Promise<SessionList> {
  const { sessionIdleMinutes } = await getSecuritySettings(db)
  const rows = await findActiveSessions(db, session.accountId, now, new Date(now.getTime() - sessionIdleMinutes * 60_000))
  return {
    sessions: rows.map((row) => ({
      createdAt: row.created_at.toISOString(),
      lastSeenAt: row.last_seen_at.toISOString(),
      device: describeDevice(row.user_agent),
      current: row.token_hash.equals(session.tokenHash),
      wayIn: row.second_factor,
      assurance: row.assurance,
    })),
  }
}

/** "Overal uitloggen behalve hier". Needs no recent login: ending sessions only makes the account safer. */
export async function endOtherSessionsOf(db: Db, session: ActiveSession, source: RequestSource, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ended = await endOtherSessions(trx, session.accountId, session.tokenHash, now)
    await recordAccess(trx, sessionActor(session), source, { action: 'logout', outcome: 'success', clientId: null, dataKind: 'other_sessions', recordId: session.accountId }, now)
    return ended
  })
}

/** A new mobile number for SMS codes: needs a recent login and tells the person by e-mail. */
export async function changeMobilePhone(db: Db, session: ActiveSession, input: string, source: RequestSource, now: Date): Promise<void> {
  requireRecentLogin(session, now)
  const mobilePhone = normaliseMobileNumber(input)
  if (!mobilePhone) throw new AppError('phone_invalid')
  await db.transaction().execute(async (trx) => {
    const account = await findProfileAccount(trx, session.accountId)
    if (!account) throw new AppError('unauthenticated')
    await updateMobilePhone(trx, account.id, mobilePhone, now)
    await recordAccess(trx, sessionActor(session), source, { action: 'update', outcome: 'success', clientId: null, dataKind: 'account_mobile_phone', recordId: account.id }, now)
    await notifyAccountChange(trx, account, { subject: 'Uw mobiele nummer is gewijzigd', what: 'Uw mobiele nummer is gewijzigd.' }, now)
  })
}

/**
 * The password once more, for a person already logged in, before a sensitive change. A wrong
 * password counts toward the same lockout as at login; a throttled account is refused the same way.
 */
export async function reauthenticate(db: Db, session: ActiveSession, password: string, source: RequestSource, now: Date): Promise<Date> {
  if (!(await consumeRateLimit(db, `reauth:ip:${source.ip}`, REAUTHENTICATIONS_PER_ADDRESS_PER_10_MINUTES, 600, now))) throw rateLimited('reauthentication per address')
  const account = await findAccountById(db, session.accountId)
  if (!account?.password_hash) throw new AppError('unauthenticated')
  const passwordMatches = await verifyPassword(account.password_hash, password)
  const actor = sessionActor(session)
  if (!passwordMatches || isThrottled(account, now)) {
    await registerFailure(db, account.id, now)
    await recordAccess(db, actor, source, { action: 'login', outcome: 'failure', clientId: null, dataKind: 'reauthentication', recordId: account.id }, now)
    throw new AppError('wrong_current_password')
  }
  await db.transaction().execute(async (trx) => {
    await markSessionAuthenticated(trx, session.tokenHash, now)
    await resetFailures(trx, account.id)
    await recordAccess(trx, actor, source, { action: 'login', outcome: 'success', clientId: null, dataKind: 'reauthentication', recordId: account.id }, now)
  })
  return recentLoginUntil({ authenticatedAt: now })
}
