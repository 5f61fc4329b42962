import type { Generated } from 'kysely'

export interface AccountTable {
  id: Generated<string>
  kind: 'portal' | 'staff'
  login_name: string
  display_name: string
  email: string
  mobile_phone: string | null
  password_hash: string | null
  password_is_temporary: Generated<boolean>
  password_changed_at: Date | null
  failed_attempts: Generated<number>
  throttled_until: Date | null
  /** The person's own BSN (never a client's), for "Inloggen met DigiD": encrypted, found by bsn_lookup. */
  bsn_encrypted: Buffer | null
  /** Keyed look-up hash of the BSN (FieldCipher.lookupHash); not unique, so a double is refused at login rather than hidden. */
  bsn_lookup: Buffer | null
  blocked_at: Date | null
  ended_at: Date | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface SessionTable {
  token_hash: Buffer
  account_id: string
  created_at: Generated<Date>
  last_seen_at: Generated<Date>
  expires_at: Date
  ended_at: Date | null
  ip: Generated<string>
  user_agent: Generated<string>
  /** Sent by the web app in X-CSRF-Token with every state-changing request. */
  csrf_token: string
  /** When the person last proved who they are (password + second factor). */
  authenticated_at: Date
  /** The way in: sms, totp, passkey (after a password, or the passkey alone), oidc (staff SSO) or digid. */
  second_factor: string
  /** eIDAS level of the way in: substantial or high for DigiD, low otherwise. */
  assurance: Generated<Assurance>
}

export type Assurance = 'low' | 'substantial' | 'high'
