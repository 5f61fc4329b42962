import type * as oidc from 'openid-client'
import type { OidcConfig } from '../../config.ts'
import type { Db } from '../../platform/db/database.ts'
import { type Actor, recordAccess, type RequestSource } from '../../platform/access-log/access-log.service.ts'
import { startSession } from '../authentication/session.service.ts'
import { beginOidcLogin, completeOidcLogin, describeError, OidcFailure, type OidcEndpoint } from '../oidc/oidc-login.ts'
import { findStaffAccountsByClaim } from './sso.repository.ts'

/** Why a single sign-on failed: for the log only, never for the URL or the person. */
export { OidcFailure as SsoFailure }

export function callbackUrl(publicBaseUrl: URL): URL {
  return new URL('/api/sso/callback', publicBaseUrl)
}

function endpointOf(config: OidcConfig): OidcEndpoint {
  return { issuer: config.issuer, clientId: config.clientId, clientAuth: { method: 'client_secret_basic', secret: config.clientSecret } }
}

/**
 * Starts a single sign-on: stores state, nonce and PKCE verifier under the hash of a new
 * browser id, and returns that id (for the cookie) and the IdP's authorization URL.
 */
export async function startSso(db: Db, config: OidcConfig, publicBaseUrl: URL, source: RequestSource, now: Date): Promise<{ browserId: string; url: URL }> {
  return beginOidcLogin(
    db,
    endpointOf(config),
    { purpose: 'sso', redirectUri: callbackUrl(publicBaseUrl), scope: config.claim === 'email' ? 'openid email' : 'openid profile', acrValues: config.acrValues },
    source,
    now,
  )
}

/**
 * Completes a single sign-on: the shared OIDC core checks state and ID token; this maps the
 * claim to an existing active staff account and starts its session. Returns the session token.
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
    const failure = error instanceof OidcFailure ? error : new OidcFailure(`IdP answer refused: ${describeError(error)}`)
    await recordAccess(db, failure.actor, source, { action: 'login', outcome: 'failure', clientId: null, dataKind: 'sso', recordId: failure.actor.id }, now)
    throw failure
  }
}

async function completeLogin(db: Db, config: OidcConfig, input: { browserId: string | undefined; query: string; publicBaseUrl: URL }, source: RequestSource, now: Date) {
  const login = await completeOidcLogin(db, endpointOf(config), { purposes: ['sso'], browserId: input.browserId, query: input.query, redirectUri: callbackUrl(input.publicBaseUrl) }, now)
  checkAuthenticationStrength(config, login.claims)
  const value = await login.claim(config.claim)
  if (typeof value !== 'string' || value === '') throw new OidcFailure(`IdP names no ${config.claim}`)
  // An address the IdP itself calls unverified names nobody.
  if (config.claim === 'email' && (await login.claim('email_verified')) === false) throw new OidcFailure('e-mail address not verified by the IdP')

  const accounts = await findStaffAccountsByClaim(db, config.claim, value)
  if (accounts.length !== 1) throw new OidcFailure(accounts.length === 0 ? 'no staff account for this claim' : 'claim matches several staff accounts')
  const account = accounts[0]!
  const actor: Actor = { type: 'staff', id: account.id, role: 'staff', name: account.display_name, authentication: { method: 'oidc', assurance: 'low' } }
  if (account.blocked_at) throw new OidcFailure('staff account blocked', actor)
  return db.transaction().execute(async (trx) => {
    await recordAccess(trx, actor, source, { action: 'login', outcome: 'success', clientId: null, dataKind: 'sso', recordId: account.id }, now)
    return startSession(trx, { accountId: account.id, secondFactor: 'oidc', ip: source.ip, userAgent: source.userAgent }, now)
  })
}

/** The IdP's login counts as the staff member's strong authentication only when it says it used MFA (when so configured). */
function checkAuthenticationStrength(config: OidcConfig, claims: oidc.IDToken): void {
  if (config.acrValues.length > 0 && (typeof claims.acr !== 'string' || !config.acrValues.includes(claims.acr))) {
    throw new OidcFailure(`acr ${String(claims.acr)} is not one of the required values`)
  }
  const amr = Array.isArray(claims.amr) ? claims.amr : []
  if (config.requiredAmr.length > 0 && !config.requiredAmr.some((method) => amr.includes(method))) {
    throw new OidcFailure('amr names none of the required methods')
  }
}
