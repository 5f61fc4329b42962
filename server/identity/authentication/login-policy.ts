import type { Db } from '../../platform/db/database.ts'
import { getSecuritySettings } from '../../organisation/settings/organisation.service.ts'
import type { LoginPolicy } from '../../organisation/settings/organisation.table.ts'

/** The ways in each policy accepts for reading the record; a passkey and an authenticator app are the strong second factors. */
const ACCEPTED: Record<LoginPolicy, ReadonlySet<string>> = {
  digid_only: new Set(['digid']),
  digid_or_strong: new Set(['digid', 'passkey', 'totp']),
  with_sms: new Set(['digid', 'passkey', 'totp', 'sms']),
}

/**
 * Whether a portal session's way in is enough under the organisation's policy. A session that
 * came in another way (or before the policy was tightened) must log in again, more strongly,
 * before it reads the record. Staff are not asked: they have single sign-on or their own app.
 */
export function satisfiesLoginPolicy(policy: LoginPolicy, session: { kind: 'portal' | 'staff'; wayIn: string }): boolean {
  return session.kind === 'staff' || ACCEPTED[policy].has(session.wayIn)
}

/** Whether logging in again with a passkey or authenticator app would be enough, so the step-up page may offer it besides DigiD. */
export function acceptsStrongSecondFactor(policy: LoginPolicy): boolean {
  return ACCEPTED[policy].has('passkey') && ACCEPTED[policy].has('totp')
}

/**
 * Whether this session must step up before it reads the record, under the policy as it is now
 * (a change in Beheer applies to open sessions at once). The API gate on /api/clients/* and the
 * session state the web app reads both ask this, so the page and the refusal never disagree.
 */
export async function mustStepUp(db: Db, session: { kind: 'portal' | 'staff'; wayIn: string }): Promise<boolean> {
  if (session.kind !== 'portal') return false
  const { loginPolicy } = await getSecuritySettings(db)
  return !satisfiesLoginPolicy(loginPolicy, session)
}
