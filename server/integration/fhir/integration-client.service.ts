import { createPublicKey, type JsonWebKey } from 'node:crypto'
import type { Db } from '../../platform/db/database.ts'
import { validationFailed } from '../../platform/errors.ts'
import { hashSecretToken, newSecretToken } from '../../identity/authentication/secret-token.ts'
import { isSystemScope } from './fhir-scopes.ts'
import { insertIntegrationClient } from './integration-client.repository.ts'

export interface NewIntegrationClient {
  name: string
  /** The system of the ECD's own identifiers, e.g. `urn:oid:2.16.528.1.1007.3.3.1234.1`. */
  identifierSystem: string
  scopes: string[]
  /** A public key (JWK, RS256 or ES256) for private_key_jwt; without one the client gets a secret. */
  publicJwk?: JsonWebKey
  requestsPerMinute?: number
}

export interface CreatedIntegrationClient {
  clientId: string
  name: string
  /** Shown once; only its hash is stored. Null when the client signs assertions instead. */
  clientSecret: string | null
}

/** Registers an integration client; the secret (when it gets one) exists only in the answer. */
export async function createIntegrationClient(db: Db, input: NewIntegrationClient): Promise<CreatedIntegrationClient> {
  const name = input.name.trim()
  if (!name || name.length > 200) throw validationFailed('name')
  if (!/^(urn:oid:[0-2](\.\d+)+|urn:uuid:[0-9a-f-]{36}|https?:\/\/\S+)$/.test(input.identifierSystem)) throw validationFailed('identifier system must be a URL, urn:oid or urn:uuid')
  if (input.scopes.length === 0 || !input.scopes.every(isSystemScope)) throw validationFailed('scopes must be SMART system scopes')
  if (input.publicJwk) checkPublicKey(input.publicJwk)
  const secret = input.publicJwk ? null : newSecretToken()
  const row = await insertIntegrationClient(db, {
    name,
    identifier_system: input.identifierSystem,
    scopes: input.scopes.join(' '),
    secret_hash: secret ? hashSecretToken(secret) : null,
    public_jwk: input.publicJwk ? JSON.stringify(publicPart(input.publicJwk)) : null,
    ...(input.requestsPerMinute ? { requests_per_minute: input.requestsPerMinute } : {}),
  })
  return { clientId: row.id, name: row.name, clientSecret: secret }
}

/** Only RSA and P-256 public keys: a private key handed in by mistake is refused, not stored. */
function checkPublicKey(jwk: JsonWebKey): void {
  if ('d' in jwk) throw validationFailed('this is a private key: register the public key only')
  const ok = (jwk.kty === 'RSA' && typeof jwk.n === 'string') || (jwk.kty === 'EC' && jwk.crv === 'P-256')
  if (!ok) throw validationFailed('public key must be RSA or EC P-256')
  try {
    createPublicKey({ key: jwk, format: 'jwk' })
  } catch {
    throw validationFailed('public key is not a valid JWK')
  }
}

function publicPart(jwk: JsonWebKey): JsonWebKey {
  return jwk.kty === 'RSA' ? { kty: 'RSA', n: jwk.n, e: jwk.e } : { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y }
}
