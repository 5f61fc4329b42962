import { createPrivateKey } from 'node:crypto'
import * as oidc from 'openid-client'
import type { OidcClientAuth } from '../../config.ts'
import type { Db } from '../../platform/db/database.ts'
import { type Actor, anonymousActor, type RequestSource } from '../../platform/access-log/access-log.service.ts'
import { consumeRateLimit } from '../authentication/rate-limit.ts'
import { hashSecretToken, newSecretToken } from '../authentication/secret-token.ts'
import type { OidcPurpose } from '../sso/sso.table.ts'
import { consumeLoginState, deleteExpiredLoginStates, insertLoginState } from './oidc-login.repository.ts'

/**
 * The OpenID Connect relying party that staff single sign-on and "Inloggen met DigiD" share:
 * authorization code flow with PKCE, state and nonce kept in the database under the hash of a
 * browser cookie, used once. What a login means (which account, which checks on acr/amr) is
 * left to the caller.
 */

/** Long enough to log in at the provider (with its MFA or DigiD app), short enough that a left-open tab is useless. */
const STATE_LIFETIME_MS = 10 * 60_000
const STARTS_PER_ADDRESS_PER_10_MINUTES = 50

/** Where the portal logs in: a provider and the portal's registration there. */
export interface OidcEndpoint {
  issuer: URL
  clientId: string
  clientAuth: OidcClientAuth
}

/** Why an OpenID Connect login failed: for the log only, never for the URL or the person. */
export class OidcFailure extends Error {
  readonly actor: Actor
  constructor(reason: string, actor: Actor = anonymousActor) {
    super(reason)
    this.name = 'OidcFailure'
    this.actor = actor
  }
}

/** The provider's metadata, fetched once per app instance (only the discovery document is cached, never a login). */
const discovered = new Map<string, Promise<oidc.Configuration>>()

function clientConfiguration(endpoint: OidcEndpoint): Promise<oidc.Configuration> {
  const key = `${endpoint.issuer.href} ${endpoint.clientId} ${endpoint.clientAuth.method}`
  let found = discovered.get(key)
  if (!found) {
    // Plain http only where config allows it (outside production: a local provider in tests and the demo).
    const execute = endpoint.issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : []
    found = clientAuthentication(endpoint.clientAuth).then((auth) => oidc.discovery(endpoint.issuer, endpoint.clientId, undefined, auth, { execute }))
    // A failed discovery is tried again at the next login instead of being remembered.
    found.catch(() => discovered.delete(key))
    discovered.set(key, found)
  }
  return found
}

async function clientAuthentication(auth: OidcClientAuth): Promise<oidc.ClientAuth> {
  if (auth.method === 'client_secret_basic') return oidc.ClientSecretBasic(auth.secret)
  const key = createPrivateKey(auth.privateKeyPem)
  const algorithm =
    key.asymmetricKeyType === 'ec'
      ? { name: 'ECDSA', namedCurve: 'P-256' }
      : key.asymmetricKeyType === 'rsa'
        ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
        : undefined
  if (!algorithm) throw new Error('The private key for private_key_jwt must be RSA or EC P-256.')
  const der = key.export({ type: 'pkcs8', format: 'der' })
  return oidc.PrivateKeyJwt(await crypto.subtle.importKey('pkcs8', der, algorithm, false, ['sign']))
}

/**
 * Starts a login at the provider: stores state, nonce and PKCE verifier (and, when binding, the
 * account) under the hash of a new browser id, and returns that id (for the cookie) and the
 * provider's authorization URL.
 */
export async function beginOidcLogin(
  db: Db,
  endpoint: OidcEndpoint,
  request: { purpose: OidcPurpose; accountId?: string; redirectUri: URL; scope: string; acrValues: string[] },
  source: RequestSource,
  now: Date,
): Promise<{ browserId: string; url: URL }> {
  if (!(await consumeRateLimit(db, `${request.purpose}:ip:${source.ip}`, STARTS_PER_ADDRESS_PER_10_MINUTES, 600, now))) {
    throw new OidcFailure('too many starts from this address')
  }
  const client = await clientConfiguration(endpoint)
  const browserId = newSecretToken()
  const state = oidc.randomState()
  const nonce = oidc.randomNonce()
  const codeVerifier = oidc.randomPKCECodeVerifier()
  await deleteExpiredLoginStates(db, now)
  await insertLoginState(db, {
    id_hash: hashSecretToken(browserId),
    state,
    nonce,
    code_verifier: codeVerifier,
    created_at: now,
    expires_at: new Date(now.getTime() + STATE_LIFETIME_MS),
    purpose: request.purpose,
    account_id: request.accountId ?? null,
  })
  const parameters: Record<string, string> = {
    redirect_uri: request.redirectUri.href,
    response_type: 'code',
    scope: request.scope,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  }
  if (request.acrValues.length > 0) parameters.acr_values = request.acrValues.join(' ')
  return { browserId, url: oidc.buildAuthorizationUrl(client, parameters) }
}

export interface CompletedOidcLogin {
  claims: oidc.IDToken
  purpose: OidcPurpose
  /** The account a binding was started for (null for a login). */
  accountId: string | null
  /** The claim from the ID token, or else from userinfo (conforming providers may put scope claims only there). */
  claim: (name: string) => Promise<unknown>
}

/**
 * Completes a login: uses up the stored state (for these purposes only), lets openid-client
 * exchange the code and check the ID token (signature, issuer, audience, nonce, expiry).
 */
export async function completeOidcLogin(
  db: Db,
  endpoint: OidcEndpoint,
  input: { purposes: readonly OidcPurpose[]; browserId: string | undefined; query: string; redirectUri: URL },
  now: Date,
): Promise<CompletedOidcLogin> {
  const name = input.purposes.includes('sso') ? 'sso' : 'login'
  if (!input.browserId) throw new OidcFailure(`no ${name} cookie`)
  const stored = await consumeLoginState(db, hashSecretToken(input.browserId), input.purposes, now)
  if (!stored) throw new OidcFailure(`unknown, used or expired ${name} state`)
  const client = await clientConfiguration(endpoint)
  const currentUrl = new URL(input.redirectUri)
  currentUrl.search = input.query
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>
  try {
    tokens = await oidc.authorizationCodeGrant(client, currentUrl, {
      expectedState: stored.state,
      expectedNonce: stored.nonce,
      pkceCodeVerifier: stored.code_verifier,
      idTokenExpected: true,
    })
  } catch (error) {
    throw new OidcFailure(`provider answer refused: ${describeError(error)}`)
  }
  const claims = tokens.claims()
  if (!claims) throw new OidcFailure('no ID token')
  let userInfo: Promise<oidc.UserInfoResponse> | undefined
  return {
    claims,
    purpose: stored.purpose,
    accountId: stored.account_id,
    claim: async (name) => {
      if (claims[name] !== undefined || !tokens.access_token) return claims[name]
      // Asked for the ID token's own subject, so a userinfo answer about someone else is refused.
      userInfo ??= oidc.fetchUserInfo(client, tokens.access_token, claims.sub)
      return (await userInfo)[name]
    },
  }
}

/** openid-client says "invalid response encountered" and puts the reason (or the provider's error code) beneath it. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const oauthError = (error as { error?: unknown }).error
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : ''
  return `${error.message}${typeof oauthError === 'string' ? ` (${oauthError})` : ''}${cause}`
}
