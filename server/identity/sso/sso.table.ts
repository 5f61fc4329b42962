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
}
