import type { Generated } from 'kysely'

export interface AccountTotpTable {
  account_id: string
  /** The base32 secret, encrypted with the field cipher. */
  secret_encrypted: Buffer
  created_at: Date
  /** Null while the enrolment waits for its first code. */
  confirmed_at: Date | null
  /** The last accepted time step (unix time / 30 s); bigint arrives as a string. */
  last_used_step: string | number | null
}

export interface RecoveryCodeTable {
  id: Generated<string>
  account_id: string
  code_hash: Buffer
  created_at: Date
  used_at: Date | null
}

export interface PasskeyTable {
  id: Generated<string>
  account_id: string
  /** base64url, as the browser reports it. */
  credential_id: string
  /** COSE public key. */
  public_key: Buffer
  counter: Generated<string | number>
  transports: Generated<string[]>
  user_handle: string
  name: string
  device_type: string
  backed_up: boolean
  created_at: Date
  last_used_at: Date | null
}

export interface WebauthnChallengeTable {
  challenge_hash: Buffer
  purpose: 'registration' | 'authentication'
  /** Registration only: who registers, and the WebAuthn user id their passkey gets. */
  account_id: string | null
  user_handle: string | null
  created_at: Date
  expires_at: Date
}
