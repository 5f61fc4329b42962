import type { JsonWebKey } from 'node:crypto'
import type { Generated, JSONColumnType } from 'kysely'

/** A machine client of the FHIR API: the organisation's ECD. */
export interface IntegrationClientTable {
  /** Also the OAuth `client_id`. */
  id: Generated<string>
  name: string
  /** SHA-256 of the client secret (256 random bits), or null for private_key_jwt only. */
  secret_hash: Buffer | null
  /** The public key (JWK) its client assertions are signed with. */
  public_jwk: JSONColumnType<JsonWebKey> | null
  /** The system of the ECD's own identifiers (`identifier=<system>|<value>`). */
  identifier_system: string
  /** The SMART system scopes it may ask for, space-separated. */
  scopes: string
  requests_per_minute: Generated<number>
  created_at: Generated<Date>
  disabled_at: Date | null
}

export interface IntegrationTokenTable {
  token_hash: Buffer
  integration_client_id: string
  scopes: string
  created_at: Date
  expires_at: Date
}

export interface IntegrationAssertionTable {
  integration_client_id: string
  jti: string
  expires_at: Date
}
