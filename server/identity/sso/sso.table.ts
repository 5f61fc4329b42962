import type { Generated } from 'kysely'

/** A single sign-on between /api/sso/start and its callback (see the sso migration). */
export interface SsoLoginStateTable {
  id_hash: Buffer
  state: string
  nonce: string
  /** PKCE: short-lived and useless without the authorization code, which only the browser sees. */
  code_verifier: string
  created_at: Date
  expires_at: Date
  used_at: Date | null
  /** What the login is for: staff SSO, a DigiD login, or binding DigiD to the logged-in account_id. */
  purpose: Generated<OidcPurpose>
  account_id: string | null
}

export type OidcPurpose = 'sso' | 'digid_login' | 'digid_bind'
