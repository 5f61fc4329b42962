import type { DigidConfig } from '../../config.ts'
import type { Db } from '../../platform/db/database.ts'
import type { FieldCipher } from '../../platform/crypto/field-encryption.ts'
import { AppError } from '../../platform/errors.ts'
import { type Actor, recordAccess, type RequestSource } from '../../platform/access-log/access-log.service.ts'
import { isValidBsn } from '../../../shared/bsn.ts'
import type { Assurance } from '../accounts/account.table.ts'
import { notifyAccountChange, requireRecentLogin, sessionActor } from '../authentication/account-change.ts'
import { type ActiveSession, startSession } from '../authentication/session.service.ts'
import { beginOidcLogin, completeOidcLogin, describeError, OidcFailure, type OidcEndpoint } from '../oidc/oidc-login.ts'
import { findAccountForBinding, findPortalAccountsByBsnLookup, setAccountBsn } from './digid.repository.ts'

/** The eIDAS levels DigiD brokers name in acr; anything else is at most "low" and is refused. */
const EIDAS_LEVELS: Record<string, Assurance> = {
  'http://eidas.europa.eu/LoA/substantial': 'substantial',
  'http://eidas.europa.eu/LoA/high': 'high',
}

/** A DigiD login that worked, but whose BSN no active account holds: the person gets the calm page, the log the reason. */
export class UnknownBsn extends OidcFailure {}

export type DigidOutcome = { kind: 'login'; sessionToken: string } | { kind: 'bound' }

export function digidCallbackUrl(publicBaseUrl: URL): URL {
  return new URL('/api/digid/callback', publicBaseUrl)
}

function endpointOf(config: DigidConfig): OidcEndpoint {
  return { issuer: config.issuer, clientId: config.clientId, clientAuth: config.clientAuth }
}

/** Starts "Inloggen met DigiD"; returns the browser id for the cookie and the broker's URL. */
export function startDigidLogin(db: Db, config: DigidConfig, publicBaseUrl: URL, source: RequestSource, now: Date) {
  return beginOidcLogin(db, endpointOf(config), { purpose: 'digid_login', redirectUri: digidCallbackUrl(publicBaseUrl), scope: 'openid', acrValues: config.acrValues }, source, now)
}

/**
 * Starts "DigiD koppelen" for the logged-in portal account: after a recent login only, so a
 * session left open on a shared computer cannot tie someone else's DigiD to it.
 */
export function startDigidBinding(db: Db, config: DigidConfig, publicBaseUrl: URL, session: ActiveSession, source: RequestSource, now: Date) {
  if (session.kind !== 'portal') throw new AppError('forbidden')
  requireRecentLogin(session, now)
  return beginOidcLogin(
    db,
    endpointOf(config),
    { purpose: 'digid_bind', accountId: session.accountId, redirectUri: digidCallbackUrl(publicBaseUrl), scope: 'openid', acrValues: config.acrValues },
    source,
    now,
  )
}

/**
 * The broker's answer, for a login or a binding: the shared core checks state, nonce, PKCE and
 * the ID token; this checks the assurance level and the BSN, then starts a session or binds.
 * Every refusal is written in the access log and thrown as an OidcFailure (UnknownBsn for the calm page).
 */
export async function finishDigid(
  db: Db,
  cipher: FieldCipher,
  config: DigidConfig,
  input: { browserId: string | undefined; query: string; publicBaseUrl: URL; session: ActiveSession | null },
  source: RequestSource,
  now: Date,
): Promise<DigidOutcome> {
  let purpose: 'digid_login' | 'digid_bind' = 'digid_login'
  try {
    const login = await completeOidcLogin(
      db,
      endpointOf(config),
      { purposes: ['digid_login', 'digid_bind'], browserId: input.browserId, query: input.query, redirectUri: digidCallbackUrl(input.publicBaseUrl) },
      now,
    )
    if (login.purpose === 'digid_bind') purpose = 'digid_bind'
    const acr = login.claims.acr
    const assurance = typeof acr === 'string' && config.acrValues.includes(acr) ? EIDAS_LEVELS[acr] : undefined
    if (!assurance) throw new OidcFailure(`acr ${String(acr)} is not an accepted level`)
    const bsn = await login.claim(config.bsnClaim)
    if (typeof bsn !== 'string' || !isValidBsn(bsn)) throw new OidcFailure(`the ${config.bsnClaim} claim holds no valid BSN`)
    const bsnLookup = cipher.lookupHash(bsn)
    if (login.purpose === 'digid_bind') {
      await bind(db, cipher, { accountId: login.accountId, session: input.session, bsn, bsnLookup }, source, now)
      return { kind: 'bound' }
    }
    return { kind: 'login', sessionToken: await logIn(db, bsnLookup, assurance, source, now) }
  } catch (error) {
    const failure = error instanceof OidcFailure ? error : new OidcFailure(`broker answer refused: ${describeError(error)}`)
    await recordAccess(
      db,
      failure.actor,
      source,
      { action: purpose === 'digid_bind' ? 'update' : 'login', outcome: 'failure', clientId: null, dataKind: 'digid', recordId: failure.actor.id },
      now,
    )
    throw failure
  }
}

async function logIn(db: Db, bsnLookup: Buffer, assurance: Assurance, source: RequestSource, now: Date): Promise<string> {
  const accounts = await findPortalAccountsByBsnLookup(db, bsnLookup)
  if (accounts.length === 0) throw new UnknownBsn('no active portal account holds this BSN')
  if (accounts.length > 1) throw new OidcFailure('this BSN is recorded for several portal accounts')
  const account = accounts[0]!
  const actor: Actor = { type: 'account', id: account.id, role: 'portal', name: account.display_name, authentication: { method: 'digid', assurance } }
  if (account.blocked_at) throw new OidcFailure('portal account blocked', actor)
  return db.transaction().execute(async (trx) => {
    await recordAccess(trx, actor, source, { action: 'login', outcome: 'success', clientId: null, dataKind: 'digid', recordId: account.id }, now)
    return startSession(trx, { accountId: account.id, secondFactor: 'digid', assurance, ip: source.ip, userAgent: source.userAgent }, now)
  })
}

async function bind(
  db: Db,
  cipher: FieldCipher,
  input: { accountId: string | null; session: ActiveSession | null; bsn: string; bsnLookup: Buffer },
  source: RequestSource,
  now: Date,
): Promise<void> {
  // The binding finishes in the browser that started it, still logged in as the same person.
  if (!input.accountId || !input.session || input.session.accountId !== input.accountId) throw new OidcFailure('binding finished outside the session that started it')
  const actor = sessionActor(input.session)
  const account = await findAccountForBinding(db, input.accountId)
  if (!account || account.kind !== 'portal' || account.blocked_at || account.ended_at) throw new OidcFailure('account cannot be bound', actor)
  const holders = await findPortalAccountsByBsnLookup(db, input.bsnLookup)
  if (holders.some((holder) => holder.id !== account.id)) throw new OidcFailure('this BSN is already recorded for another portal account', actor)
  await db.transaction().execute(async (trx) => {
    await setAccountBsn(trx, account.id, { encrypted: cipher.encrypt(input.bsn), lookup: input.bsnLookup }, now)
    await recordAccess(trx, actor, source, { action: 'update', outcome: 'success', clientId: null, dataKind: 'digid', recordId: account.id }, now)
    await notifyAccountChange(trx, account, { subject: 'DigiD gekoppeld aan uw account', what: 'U kunt nu inloggen met DigiD.' }, now)
  })
}

/** "DigiD ontkoppelen": needs a recent login and tells the person by e-mail. */
export async function unbindDigid(db: Db, session: ActiveSession, source: RequestSource, now: Date): Promise<void> {
  if (session.kind !== 'portal') throw new AppError('forbidden')
  requireRecentLogin(session, now)
  const account = await findAccountForBinding(db, session.accountId)
  if (!account?.bsn_lookup) return
  await db.transaction().execute(async (trx) => {
    await setAccountBsn(trx, account.id, null, now)
    await recordAccess(trx, sessionActor(session), source, { action: 'delete', outcome: 'success', clientId: null, dataKind: 'digid', recordId: account.id }, now)
    await notifyAccountChange(trx, account, { subject: 'DigiD ontkoppeld van uw account', what: 'Inloggen met DigiD is niet meer mogelijk voor uw account.' }, now)
  })
}

/** Whether the account has DigiD bound (the BSN itself never leaves the server). */
export async function isDigidBound(db: Db, accountId: string): Promise<boolean> {
  const account = await findAccountForBinding(db, accountId)
  return account?.bsn_lookup != null
}
