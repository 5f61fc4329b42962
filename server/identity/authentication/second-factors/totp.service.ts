import type { RecoveryCodes, TotpEnrolment } from '../../../../shared/schemas/profile.ts'
import type { FieldCipher } from '../../../platform/crypto/field-encryption.ts'
import type { Db } from '../../../platform/db/database.ts'
import { AppError, notFound } from '../../../platform/errors.ts'
import { recordAccess, type RequestSource } from '../../../platform/access-log/access-log.service.ts'
import { notifyAccountChange, requireRecentLogin, sessionActor } from '../account-change.ts'
import { findAccountById } from '../login.repository.ts'
import type { ActiveSession } from '../session.service.ts'
import { getBranding } from '../../../organisation/settings/organisation.service.ts'
import { issueRecoveryCodes } from './recovery-code.ts'
import { confirmTotp, deleteTotp, findPendingTotpForUpdate, upsertPendingTotp } from './second-factor.repository.ts'
import { describeTotpSecret, matchTotpStep, newTotpSecret, TOTP_DIGITS, TOTP_PERIOD_SECONDS } from './totp.ts'

/** How long a started enrolment waits for its first code. */
const ENROLMENT_LIFETIME_MS = 10 * 60_000

type ProfileSession = Pick<ActiveSession, 'accountId' | 'kind' | 'displayName' | 'loginName' | 'authenticatedAt'>

async function accountOf(db: Db, accountId: string) {
  const account = await findAccountById(db, accountId)
  if (!account) throw new AppError('unauthenticated')
  return account
}

/**
 * Starts adding an authenticator app: a new secret, stored encrypted and unconfirmed until the
 * first code proves the app has it. Needs a recent login; the change counts from confirmation.
 */
export async function startTotpEnrolment(db: Db, cipher: FieldCipher, session: ProfileSession, now: Date): Promise<TotpEnrolment> {
  requireRecentLogin(session, now)
  const secret = newTotpSecret()
  if (!(await upsertPendingTotp(db, session.accountId, cipher.encrypt(secret), now))) throw new AppError('already_enrolled')
  const { name } = await getBranding(db)
  return {
    ...(await describeTotpSecret(secret, name, session.loginName)),
    issuer: name,
    accountName: session.loginName,
    digits: TOTP_DIGITS,
    periodSeconds: TOTP_PERIOD_SECONDS,
    expiresAt: new Date(now.getTime() + ENROLMENT_LIFETIME_MS).toISOString(),
  }
}

/** Confirms the app with its first code (which is then used up) and issues ten recovery codes. */
export async function confirmTotpEnrolment(
  db: Db,
  cipher: FieldCipher,
  session: ProfileSession,
  code: string,
  source: RequestSource,
  now: Date,
): Promise<RecoveryCodes> {
  return db.transaction().execute(async (trx) => {
    const pending = await findPendingTotpForUpdate(trx, session.accountId)
    if (!pending || now.getTime() - pending.created_at.getTime() >= ENROLMENT_LIFETIME_MS) throw new AppError('enrolment_expired')
    const step = matchTotpStep(cipher.decrypt(pending.secret_encrypted), code, now, null)
    if (step === null) throw new AppError('wrong_code')
    await confirmTotp(trx, session.accountId, step, now)
    const codes = await issueRecoveryCodes(trx, session.accountId, now)
    await recordAccess(trx, sessionActor(session), source, { action: 'create', outcome: 'success', clientId: null, dataKind: 'second_factor_totp', recordId: session.accountId }, now)
    await notifyAccountChange(trx, await accountOf(trx, session.accountId), { subject: 'Authenticator-app gekoppeld', what: 'Er is een authenticator-app aan uw account gekoppeld.' }, now)
    return { codes }
  })
}

/** Removes the authenticator app. Recovery codes stay: they are a factor of their own. */
export async function removeTotp(db: Db, session: ProfileSession, source: RequestSource, now: Date): Promise<void> {
  requireRecentLogin(session, now)
  await db.transaction().execute(async (trx) => {
    if (!(await deleteTotp(trx, session.accountId))) throw notFound('no authenticator app')
    await recordAccess(trx, sessionActor(session), source, { action: 'delete', outcome: 'success', clientId: null, dataKind: 'second_factor_totp', recordId: session.accountId }, now)
    await notifyAccountChange(trx, await accountOf(trx, session.accountId), { subject: 'Authenticator-app verwijderd', what: 'De authenticator-app is van uw account verwijderd.' }, now)
  })
}

/** Ten new recovery codes; the old ones stop working. */
export async function regenerateRecoveryCodes(db: Db, session: ProfileSession, source: RequestSource, now: Date): Promise<RecoveryCodes> {
  requireRecentLogin(session, now)
  return db.transaction().execute(async (trx) => {
    const codes = await issueRecoveryCodes(trx, session.accountId, now)
    await recordAccess(trx, sessionActor(session), source, { action: 'update', outcome: 'success', clientId: null, dataKind: 'second_factor_recovery_codes', recordId: session.accountId }, now)
    await notifyAccountChange(trx, await accountOf(trx, session.accountId), { subject: 'Nieuwe herstelcodes', what: 'Er zijn nieuwe herstelcodes voor uw account gemaakt. De oude herstelcodes werken niet meer.' }, now)
    return { codes }
  })
}
