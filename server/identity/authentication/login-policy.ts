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
