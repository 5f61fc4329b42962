import * as oidc from 'openid-client'
import type { OidcConfig } from '../../config.ts'
import type { Db } from '../../platform/db/database.ts'
import { type Actor, anonymousActor, recordAccess, type RequestSource } from '../../platform/access-log/access-log.service.ts'
import { consumeRateLimit } from '../authentication/rate-limit.ts'
import { hashSecretToken, newSecretToken } from '../authentication/secret-token.ts'
import { startSession } from '../authentication/session.service.ts'
import { consumeLoginState, deleteExpiredLoginStates, findStaffAccountsByClaim, insertLoginState } from './sso.repository.ts'

/** Long enough to log in at the IdP (with its MFA), short enough that a left-open tab is useless. */
const STATE_LIFETIME_MS = 10 * 60_000
const STARTS_PER_ADDRESS_PER_10_MINUTES = 50

/** Why a single sign-on failed: for the log only, never for the URL or the person. */
export class SsoFailure extends Error {
  readonly actor: Actor
  constructor(reason: string, actor: Actor = anonymousActor) {
    super(reason)
    this.name = 'SsoFailure'
    this.actor = actor
  }
}

/** The IdP's metadata, fetched once per app instance (only the discovery document is cached, never a login). */
const discovered = new Map<string, Promise<oidc.Configuration>>()

function clientConfiguration(config: OidcConfig): Promise<oidc.Configuration> {
  const key = `${config.issuer.href} ${config.clientId}`
  let found = discovered.get(key)
  if (!found) {
    // Plain http only where config allows it (outside production: a local IdP in tests).
    const execute = config.issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : []
    found = oidc.discovery(config.issuer, config.clientId, undefined, oidc.ClientSecretBasic(config.clientSecret), { execute })
    // A failed discovery is tried again at the next login instead of being remembered.
    found.catch(() => discovered.delete(key))
    discovered.set(key, found)
  }
  return found
}

export function callbackUrl(publicBaseUrl: URL): URL {
  return new URL('/api/sso/callback', publicBaseUrl)
}

/**
 * Starts a single sign-on: stores state, nonce and PKCE verifier under the hash of a new
 * browser id, and returns that id (for the cookie) and the IdP's authorization URL.
 */
export async function startSso(db: Db, config: OidcConfig, publicBaseUrl: URL, source: RequestSource, now: Date): Promise<{ browserId: string; url: URL }> {
  if (!(await consumeRateLimit(db, `sso:ip:${source.ip}`, STARTS_PER_ADDRESS_PER_10_MINUTES, 600, now))) throw new SsoFailure('too many starts from this address')
  const client = await clientConfiguration(config)
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
  })
  const parameters: Record<string, string> = {
    redirect_uri: callbackUrl(publicBaseUrl).href,
    response_type: 'code',
    scope: config.claim === 'email' ? 'openid email' : 'openid profile',
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  }
  if (config.acrValues.length > 0) parameters.acr_values = config.acrValues.join(' ')
  return { browserId, url: oidc.buildAuthorizationUrl(client, parameters) }
}

/**
 * Completes a single sign-on: uses up the stored state, lets openid-client exchange the code
 * and check the ID token (signature, issuer, audience, nonce, expiry), maps the claim to an
 * existing active staff account and starts its session. Returns the session token.
 */
export async function finishSso(
  db: Db,
  config: OidcConfig,
  input: { browserId: string | undefined; query: string; publicBaseUrl: URL },
  source: RequestSource,
  now: Date,
): Promise<string> {
  try {
    return await completeLogin(db, config, input, source, now)
  } catch (error) {
    const failure = error instanceof SsoFailure ? error : new SsoFailure(`IdP answer refused: ${describeError(error)}`)
    await recordAccess(db, failure.actor, source, { action: 'login', outcome: 'failure', clientId: null, dataKind: 'sso', recordId: failure.actor.id }, now)
    throw failure
  }
}

async function completeLogin(db: Db, config: OidcConfig, input: { browserId: string | undefined; query: string; publicBaseUrl: URL }, source: RequestSource, now: Date) {
  if (!input.browserId) throw new SsoFailure('no sso cookie')
  const stored = await consumeLoginState(db, hashSecretToken(input.browserId), now)
  if (!stored) throw new SsoFailure('unknown, used or expired sso state')
  const client = await clientConfiguration(config)
  const currentUrl = callbackUrl(input.publicBaseUrl)
  currentUrl.search = input.query
  const tokens = await oidc.authorizationCodeGrant(client, currentUrl, {
    expectedState: stored.state,
    expectedNonce: stored.nonce,
    pkceCodeVerifier: stored.code_verifier,
    idTokenExpected: true,
  })
  const claims = tokens.claims()
  if (!claims) throw new SsoFailure('no ID token')
  checkAuthenticationStrength(config, claims)
  // Conforming IdPs may put scope claims only in userinfo; asked for the ID token's own subject.
  const named: Record<string, unknown> = claims[config.claim] === undefined && tokens.access_token ? await oidc.fetchUserInfo(client, tokens.access_token, claims.sub) : claims
  const value = named[config.claim]
  if (typeof value !== 'string' || value === '') throw new SsoFailure(`IdP names no ${config.claim}`)
  // An address the IdP itself calls unverified names nobody.
  if (config.claim === 'email' && named.email_verified === false) throw new SsoFailure('e-mail address not verified by the IdP')

  const accounts = await findStaffAccountsByClaim(db, config.claim, value)
  if (accounts.length !== 1) throw new SsoFailure(accounts.length === 0 ? 'no staff account for this claim' : 'claim matches several staff accounts')
  const account = accounts[0]!
  const actor: Actor = { type: 'staff', id: account.id, role: 'staff', name: account.display_name }
  if (account.blocked_at) throw new SsoFailure('staff account blocked', actor)
  return db.transaction().execute(async (trx) => {
    await recordAccess(trx, actor, source, { action: 'login', outcome: 'success', clientId: null, dataKind: 'sso', recordId: account.id }, now)
    return startSession(trx, { accountId: account.id, secondFactor: 'oidc', ip: source.ip, userAgent: source.userAgent }, now)
  })
}

/** The IdP's login counts as the staff member's strong authentication only when it says it used MFA (when so configured). */
function checkAuthenticationStrength(config: OidcConfig, claims: oidc.IDToken): void {
  if (config.acrValues.length > 0 && (typeof claims.acr !== 'string' || !config.acrValues.includes(claims.acr))) {
    throw new SsoFailure(`acr ${String(claims.acr)} is not one of the required values`)
  }
  const amr = Array.isArray(claims.amr) ? claims.amr : []
  if (config.requiredAmr.length > 0 && !config.requiredAmr.some((method) => amr.includes(method))) {
    throw new SsoFailure('amr names none of the required methods')
  }
}

/** openid-client says "invalid response encountered" and puts the reason (or the IdP's error code) beneath it. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const oauthError = (error as { error?: unknown }).error
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : ''
  return `${error.message}${typeof oauthError === 'string' ? ` (${oauthError})` : ''}${cause}`
}
