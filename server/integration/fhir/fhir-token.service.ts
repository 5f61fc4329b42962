import { isUuid } from '../../../shared/schemas/common.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError, rateLimited, unauthenticated } from '../../platform/errors.ts'
import { consumeRateLimit } from '../../identity/authentication/rate-limit.ts'
import { hashSecretToken, newSecretToken } from '../../identity/authentication/secret-token.ts'
import { timingSafeEqual } from 'node:crypto'
import { unverifiedIssuer, verifyAssertion } from './client-assertion.ts'
import { findActiveIntegrationClient, insertToken, deleteExpiredCredentials, rememberAssertion } from './integration-client.repository.ts'
import { grantScopes } from './fhir-scopes.ts'

/** Bearer tokens live five minutes, as SMART Backend Services recommends; the ECD asks again. */
export const TOKEN_LIFETIME_SECONDS = 300
/** The longest an assertion may be valid: a short window keeps the jti table small. */
const MAX_ASSERTION_SECONDS = 300
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

export interface TokenRequest {
  grant_type?: string
  scope?: string
  client_id?: string
  client_secret?: string
  client_assertion_type?: string
  client_assertion?: string
}

export interface IssuedToken {
  access_token: string
  token_type: 'bearer'
  expires_in: number
  scope: string
}

const oauth = (error: string) => new AppError('bad_request', error)

/**
 * The client credentials grant: the client proves itself with its secret (form or HTTP Basic)
 * or a signed assertion, and gets an opaque token with the scopes asked for. `tokenUrl` is the
 * audience an assertion must name.
 */
export async function issueToken(db: Db, request: TokenRequest, basic: { id: string; secret: string } | undefined, tokenUrl: string, now: Date): Promise<IssuedToken> {
  if (request.grant_type !== 'client_credentials') throw oauth('unsupported_grant_type')
  const clientId = basic?.id ?? request.client_id ?? (request.client_assertion ? unverifiedIssuer(request.client_assertion) : undefined)
  if (!clientId || !isUuid(clientId)) throw unauthenticated('unknown client')
  // Counted before the check, so guessing secrets is slowed down as much as using them.
  if (!(await consumeRateLimit(db, `fhir-token:${clientId}`, 60, 60, now))) throw rateLimited('token requests')
  const client = await findActiveIntegrationClient(db, clientId)
  if (!client) throw unauthenticated('unknown client')

  if (request.client_assertion !== undefined || request.client_assertion_type !== undefined) {
    if (request.client_assertion_type !== JWT_BEARER || !request.client_assertion || !client.public_jwk) throw unauthenticated('assertion not usable')
    const claims = verifyAssertion(request.client_assertion, client.public_jwk)
    if (!claims || claims.iss !== client.id || claims.sub !== client.id) throw unauthenticated('assertion invalid')
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud]
    if (!audiences.includes(tokenUrl)) throw unauthenticated('assertion audience')
    const nowSeconds = now.getTime() / 1000
    if (claims.exp <= nowSeconds || claims.exp > nowSeconds + MAX_ASSERTION_SECONDS) throw unauthenticated('assertion expiry')
    if (!(await rememberAssertion(db, client.id, claims.jti, new Date(claims.exp * 1000)))) throw unauthenticated('assertion replayed')
  } else {
    const secret = basic?.secret ?? request.client_secret
    if (!secret || !client.secret_hash || !timingSafeEqual(hashSecretToken(secret), client.secret_hash)) throw unauthenticated('wrong secret')
  }

  const scopes = grantScopes(client.scopes, request.scope)
  if (!scopes || scopes.length === 0) throw oauth('invalid_scope')
  const token = newSecretToken()
  await deleteExpiredCredentials(db, now)
  await insertToken(db, {
    token_hash: hashSecretToken(token),
    integration_client_id: client.id,
    scopes: scopes.join(' '),
    created_at: now,
    expires_at: new Date(now.getTime() + TOKEN_LIFETIME_SECONDS * 1000),
  })
  return { access_token: token, token_type: 'bearer', expires_in: TOKEN_LIFETIME_SECONDS, scope: scopes.join(' ') }
}

/** `Authorization: Basic base64(id:secret)` as RFC 6749 §2.3.1 allows; undefined without it. */
export function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  if (!header?.startsWith('Basic ')) return undefined
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return undefined
  return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) }
}
