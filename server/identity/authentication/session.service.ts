import type { Db } from '../../platform/db/database.ts'
import { getSecuritySettings, securitySettingsOf } from '../../organisation/settings/organisation.service.ts'
import type { LoginPolicy } from '../../organisation/settings/organisation.table.ts'
import type { Assurance } from '../accounts/account.table.ts'
import { hashSecretToken, newSecretToken } from './secret-token.ts'
import { endSessionByHash, findSessionWithAccount, insertSession, touchSession } from './session.repository.ts'
import type { ActiveLinkRow } from '../../record/client-access/client-access.repository.ts'

export const SESSION_COOKIE = '__Host-portal_session'

/** Last-seen is written at most this often, so reading pages does not write on every request. */
const TOUCH_INTERVAL_MS = 30_000

export interface ActiveSession {
  tokenHash: Buffer
  accountId: string
  kind: 'portal' | 'staff'
  loginName: string
  displayName: string
  csrfToken: string
  authenticatedAt: Date
  /** The way in (digid, sms, totp, passkey, oidc) and its eIDAS assurance level, for the policy and the access log. */
  wayIn: string
  assurance: Assurance
  mustChangePassword: boolean
  idleExpiresAt: Date
  expiresAt: Date
  /** The organisation's login policy as it is now, read with the session (a change applies to open sessions at once). */
  loginPolicy: LoginPolicy
  /** Whether the account owes the terms of use in force now, read with the session. */
  termsOwed: boolean
  /**
   * On a client's record pages: the account's active link to that client at `now` (null: none),
   * read in the session's statement. The request's first access check takes it (and only that
   * one: client-access.policy.ts takeLinkReadWithSession); every later check reads afresh.
   */
  linkRead?: { clientId: string; now: Date; link: ActiveLinkRow | null }
}

/** Starts a session after a complete login; returns the token for the cookie (never stored). */
export async function startSession(
  db: Db,
  input: { accountId: string; secondFactor: string; assurance?: Assurance; ip: string; userAgent: string },
  now: Date,
): Promise<string> {
  const settings = await getSecuritySettings(db)
  const token = newSecretToken()
  await insertSession(db, {
    token_hash: hashSecretToken(token),
    account_id: input.accountId,
    created_at: now,
    last_seen_at: now,
    authenticated_at: now,
    expires_at: new Date(now.getTime() + settings.sessionMaxHours * 3600_000),
    csrf_token: newSecretToken(),
    second_factor: input.secondFactor,
    assurance: input.assurance ?? 'low',
    ip: input.ip,
    user_agent: input.userAgent.slice(0, 500),
  })
  return token
}

/**
 * The session behind a cookie, if it is still valid: not ended, not past its idle timeout
 * or absolute lifetime, and its account neither blocked nor ended. Extends the idle time.
 * One statement (with the settings, the terms owed and, with `linkTo`, the link to that client)
 * when nothing needs writing.
 */
export async function resumeSession(db: Db, token: string, now: Date, linkTo?: string): Promise<ActiveSession | undefined> {
  const tokenHash = hashSecretToken(token)
  const row = await findSessionWithAccount(db, tokenHash, now, linkTo)
  if (!row || row.blocked_at || row.ended_at) return undefined
  const { sessionIdleMinutes, loginPolicy } = securitySettingsOf(row)
  const idleMs = sessionIdleMinutes * 60_000
  if (now >= row.expires_at || now.getTime() - row.last_seen_at.getTime() >= idleMs) {
    await endSessionByHash(db, tokenHash, now)
    return undefined
  }
  let lastSeen = row.last_seen_at
  if (now.getTime() - lastSeen.getTime() >= TOUCH_INTERVAL_MS) {
    await touchSession(db, tokenHash, now)
    lastSeen = now
  }
  return {
    tokenHash,
    accountId: row.account_id,
    kind: row.kind,
    loginName: row.login_name,
    displayName: row.display_name,
    csrfToken: row.csrf_token,
    authenticatedAt: row.authenticated_at,
    wayIn: row.second_factor,
    assurance: row.assurance,
    mustChangePassword: row.password_is_temporary,
    idleExpiresAt: new Date(Math.min(lastSeen.getTime() + idleMs, row.expires_at.getTime())),
    expiresAt: row.expires_at,
    loginPolicy,
    termsOwed: row.terms_owed,
    ...(linkTo !== undefined && row.link !== undefined ? { linkRead: { clientId: linkTo, now, link: row.link } } : {}),
  }
}
