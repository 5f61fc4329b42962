import type { PasswordTokenInfo } from '../../../shared/schemas/auth.ts'
import type { Config } from '../../config.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError, passwordRejected, rateLimited } from '../../platform/errors.ts'
import { hashPassword, verifyPassword } from '../accounts/password-hash.ts'
import { passwordChecker } from '../accounts/password-checker.ts'
import { getBranding, getSecuritySettings } from '../../organisation/settings/organisation.service.ts'
import { renderEmail } from '../../platform/outbox/email-layout.ts'
import { enqueueEmail } from '../../platform/outbox/outbox.service.ts'
import { requireRecentLogin } from './account-change.ts'
import { registerFailure, resetFailures } from './lockout.ts'
import { findAccountById } from './login.repository.ts'
import {
  expireOpenPasswordTokens,
  findAccountsForPasswordReset,
  findUsablePasswordToken,
  insertPasswordToken,
  markPasswordTokenUsed,
  storePasswordHash,
} from './password.repository.ts'
import { consumeRateLimit } from './rate-limit.ts'
import { hashSecretToken, newSecretToken } from './secret-token.ts'
import { endAccountSessions } from './session.repository.ts'

export const PASSWORD_LINK_LIFETIME_HOURS = 72

/**
 * Creates a welcome or reset link for the account and queues the e-mail, in the caller's
 * transaction. The link is built from PUBLIC_BASE_URL, never from the request's Host header,
 * and carries the token after '#', so it never reaches a server log or a Referer header.
 */
export async function sendPasswordLink(
  db: Db,
  config: Pick<Config, 'publicBaseUrl'>,
  account: { id: string; email: string; display_name: string; login_name: string },
  purpose: 'welcome' | 'reset',
  now: Date,
): Promise<void> {
  const token = newSecretToken()
  await expireOpenPasswordTokens(db, account.id, now)
  await insertPasswordToken(db, {
    token_hash: hashSecretToken(token),
    account_id: account.id,
    purpose,
    created_at: now,
    expires_at: new Date(now.getTime() + PASSWORD_LINK_LIFETIME_HOURS * 3600_000),
  })
  const link = new URL(`/wachtwoord-instellen#${token}`, config.publicBaseUrl).toString()
  const branding = await getBranding(db)
  const welcome = purpose === 'welcome'
  const email = renderEmail(branding, {
    greeting: `Beste ${account.display_name},`,
    // The username in every link e-mail: someone who forgot it finds it here (one e-mail address may serve several accounts).
    paragraphs: welcome
      ? [
          `U heeft nu toegang tot het cliëntportaal van ${branding.name}.`,
          `Uw gebruikersnaam is: ${account.login_name}`,
          `Maak met de knop hieronder uw eigen wachtwoord. De link werkt ${PASSWORD_LINK_LIFETIME_HOURS} uur en maar één keer.`,
        ]
      : [
          `U heeft gevraagd om een nieuw wachtwoord voor de gebruikersnaam ${account.login_name}.`,
          `Maak met de knop hieronder een nieuw wachtwoord. De link werkt ${PASSWORD_LINK_LIFETIME_HOURS} uur en maar één keer.`,
          'Heeft u dit niet zelf gevraagd? Dan hoeft u niets te doen.',
        ],
    action: { label: welcome ? 'Wachtwoord aanmaken' : 'Nieuw wachtwoord maken', url: link },
  })
  await enqueueEmail(db, { to: account.email, subject: welcome ? `Welkom bij het cliëntportaal van ${branding.name}` : 'Nieuw wachtwoord voor het cliëntportaal', ...email }, now)
}

/**
 * "Wachtwoord vergeten?" / "Wachtwoord opvragen": sends a reset link to every account (that may
 * log in) whose username or e-mail address was typed, each e-mail naming its username.
 * The caller answers the same whatever happens here.
 */
export async function requestPasswordReset(db: Db, config: Pick<Config, 'publicBaseUrl'>, loginNameOrEmail: string, ip: string, now: Date): Promise<void> {
  if (!(await consumeRateLimit(db, `reset:ip:${ip}`, 20, 3600, now))) throw rateLimited('password reset per address')
  await db.transaction().execute(async (trx) => {
    for (const account of await findAccountsForPasswordReset(trx, loginNameOrEmail)) {
      // Per account quietly: a refusal here would tell that the account exists.
      if (!(await consumeRateLimit(trx, `reset:account:${account.id}`, 3, 3600, now))) continue
      await sendPasswordLink(trx, config, account, 'reset', now)
    }
  })
}

export async function describePasswordToken(db: Db, token: string, now: Date): Promise<PasswordTokenInfo> {
  const row = await findUsablePasswordToken(db, hashSecretToken(token), now)
  if (!row) throw new AppError('token_invalid')
  return { loginName: row.login_name, displayName: row.display_name, purpose: row.purpose }
}

async function assertAcceptable(db: Db, password: string, person: { login_name: string; display_name: string }): Promise<void> {
  const { passwordPolicy } = await getSecuritySettings(db)
  const checkPassword = await passwordChecker()
  const problems = checkPassword(password, passwordPolicy, { loginName: person.login_name, names: [person.display_name] })
  if (problems.length > 0) throw passwordRejected(problems)
}

/**
 * Sets the password through a welcome or reset link. The link works once; the person is not
 * logged in by it (they log in with the second factor as always) and every session ends.
 */
export async function setPasswordWithToken(db: Db, token: string, password: string, now: Date): Promise<void> {
  const tokenHash = hashSecretToken(token)
  const row = await findUsablePasswordToken(db, tokenHash, now)
  if (!row) throw new AppError('token_invalid')
  await assertAcceptable(db, password, row)
  const passwordHash = await hashPassword(password)
  await db.transaction().execute(async (trx) => {
    if (!(await markPasswordTokenUsed(trx, tokenHash, now))) throw new AppError('token_invalid')
    await storePasswordHash(trx, row.account_id, passwordHash, false, now)
    await resetFailures(trx, row.account_id)
    await endAccountSessions(trx, row.account_id, now)
  })
}

/**
 * "Wachtwoord wijzigen" (also the forced change after a temporary password): needs the
 * current password, ends the account's other sessions and tells the person by e-mail.
 */
export async function changePassword(
  db: Db,
  session: { accountId: string; tokenHash: Buffer; authenticatedAt: Date },
  currentPassword: string,
  newPassword: string,
  now: Date,
): Promise<void> {
  requireRecentLogin(session, now)
  const account = await findAccountById(db, session.accountId)
  if (!account?.password_hash) throw new AppError('unauthenticated')
  if (!(await verifyPassword(account.password_hash, currentPassword))) {
    await registerFailure(db, account.id, now)
    throw new AppError('wrong_current_password')
  }
  await assertAcceptable(db, newPassword, account)
  const passwordHash = await hashPassword(newPassword)
  const branding = await getBranding(db)
  await db.transaction().execute(async (trx) => {
    await storePasswordHash(trx, account.id, passwordHash, false, now)
    await endAccountSessions(trx, account.id, now, session.tokenHash)
    const email = renderEmail(branding, {
      greeting: `Beste ${account.display_name},`,
      paragraphs: ['Het wachtwoord van uw account voor het cliëntportaal is zojuist gewijzigd.', 'Heeft u dit niet zelf gedaan? Neem dan direct contact op met de zorgorganisatie.'],
    })
    await enqueueEmail(trx, { to: account.email, subject: 'Uw wachtwoord is gewijzigd', ...email }, now)
  })
}
