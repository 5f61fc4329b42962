import type { Db } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors.ts'
import type { Actor } from '../../platform/access-log/access-log.service.ts'
import { getBranding } from '../../organisation/settings/organisation.service.ts'
import { renderEmail } from '../../platform/outbox/email-layout.ts'
import { enqueueEmail } from '../../platform/outbox/outbox.service.ts'
import type { ActiveSession } from './session.service.ts'

/**
 * Changing the phone number, the password or a second factor needs a login this recent
 * (NIST 800-63B reauthentication): a session left open on a shared computer cannot do it.
 */
export const RECENT_LOGIN_MS = 5 * 60_000

export function recentLoginUntil(session: Pick<ActiveSession, 'authenticatedAt'>): Date {
  return new Date(session.authenticatedAt.getTime() + RECENT_LOGIN_MS)
}

/** Throws `reauthentication_required` unless the session proved who it is in the last five minutes. */
export function requireRecentLogin(session: Pick<ActiveSession, 'authenticatedAt'>, now: Date): void {
  if (recentLoginUntil(session) <= now) throw new AppError('reauthentication_required')
}

/** The person behind a session, as the access log names them. */
export function sessionActor(session: Pick<ActiveSession, 'accountId' | 'kind' | 'displayName'> & Partial<Pick<ActiveSession, 'wayIn' | 'assurance'>>): Actor {
  const actor: Actor = { type: session.kind === 'staff' ? 'staff' : 'account', id: session.accountId, role: session.kind, name: session.displayName }
  if (session.wayIn !== undefined && session.assurance !== undefined) actor.authentication = { method: session.wayIn, assurance: session.assurance }
  return actor
}

/**
 * Tells the person by e-mail that a security setting of their account changed, so a change
 * they did not make does not go unnoticed. Call it in the change's transaction. Never put the
 * new value (number, code, secret) in `what`: the e-mail says only what kind of change it was.
 */
export async function notifyAccountChange(
  db: Db,
  account: { email: string; display_name: string },
  change: { subject: string; what: string },
  now: Date,
): Promise<void> {
  const branding = await getBranding(db)
  const email = renderEmail(branding, {
    greeting: `Beste ${account.display_name},`,
    paragraphs: [
      `${change.what} Dat gebeurde op ${formatDutchDateTime(now)}.`,
      `Was u dit niet? Neem dan direct contact op met ${branding.name}.`,
    ],
  })
  await enqueueEmail(db, { to: account.email, subject: change.subject, ...email }, now)
}

function formatDutchDateTime(date: Date): string {
  return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(date)
}
