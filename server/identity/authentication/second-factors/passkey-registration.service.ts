import { randomBytes } from 'node:crypto'
import { generateRegistrationOptions, type RegistrationResponseJSON, verifyRegistrationResponse } from '@simplewebauthn/server'
import type { PasskeyRegistrationOptionsAnswer, PasskeySummary, RegisterPasskeyRequest } from '../../../../shared/schemas/profile.ts'
import type { Config } from '../../../config.ts'
import type { Db } from '../../../platform/db/database.ts'
import { AppError, notFound } from '../../../platform/errors.ts'
import { recordAccess, type RequestSource } from '../../../platform/access-log/access-log.service.ts'
import { notifyAccountChange, requireRecentLogin, sessionActor } from '../account-change.ts'
import { findAccountById } from '../login.repository.ts'
import type { ActiveSession } from '../session.service.ts'
import { getBranding } from '../../../organisation/settings/organisation.service.ts'
import { deletePasskey, findPasskeyByCredentialId, findPasskeysOfAccount, insertChallenge, insertPasskey, takeChallenge } from './second-factor.repository.ts'
import { CHALLENGE_LIFETIME_MS, challengeHash, challengeOf, relyingParty } from './webauthn.ts'

type ProfileSession = Pick<ActiveSession, 'accountId' | 'kind' | 'displayName' | 'loginName' | 'authenticatedAt'>

type PasskeyRow = Awaited<ReturnType<typeof findPasskeysOfAccount>>[number]

export function passkeyRowToSummary(row: PasskeyRow): PasskeySummary {
  return { id: row.id, name: row.name, createdAt: row.created_at.toISOString(), lastUsedAt: row.last_used_at?.toISOString() ?? null }
}

export async function listPasskeys(db: Db, accountId: string): Promise<PasskeySummary[]> {
  return (await findPasskeysOfAccount(db, accountId)).map(passkeyRowToSummary)
}

/**
 * Options for adding a passkey: discoverable (so it can log in without a user name) and
 * user-verifying (fingerprint, face or PIN), so it counts as two factors on its own.
 */
export async function passkeyRegistrationOptions(
  db: Db,
  config: Pick<Config, 'publicBaseUrl'>,
  session: ProfileSession,
  now: Date,
): Promise<PasskeyRegistrationOptionsAnswer> {
  requireRecentLogin(session, now)
  const existing = await findPasskeysOfAccount(db, session.accountId)
  // One WebAuthn user id per account: a device then keeps one passkey per person, not one per registration.
  const userHandle = existing[0]?.user_handle ?? randomBytes(32).toString('base64url')
  const { name } = await getBranding(db)
  const options = await generateRegistrationOptions({
    rpName: name,
    rpID: relyingParty(config).rpID,
    userName: session.loginName,
    userDisplayName: session.displayName,
    userID: Buffer.from(userHandle, 'base64url'),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credential_id, transports: p.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    timeout: CHALLENGE_LIFETIME_MS,
  })
  await insertChallenge(db, {
    challenge_hash: challengeHash(options.challenge),
    purpose: 'registration',
    account_id: session.accountId,
    user_handle: userHandle,
    created_at: now,
    expires_at: new Date(now.getTime() + CHALLENGE_LIFETIME_MS),
  })
  return { options: options as PasskeyRegistrationOptionsAnswer['options'] }
}

async function verifiedRegistration(config: Pick<Config, 'publicBaseUrl'>, credential: RegisterPasskeyRequest['credential'], challenge: string) {
  const { rpID, origin } = relyingParty(config)
  try {
    const result = await verifyRegistrationResponse({
      response: credential as RegistrationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
    })
    return result.verified && result.registrationInfo.userVerified ? result.registrationInfo : null
  } catch {
    return null
  }
}

/** Stores the new passkey after checking the browser's answer against a challenge this account was given. */
export async function registerPasskey(
  db: Db,
  config: Pick<Config, 'publicBaseUrl'>,
  session: ProfileSession,
  input: RegisterPasskeyRequest,
  source: RequestSource,
  now: Date,
): Promise<void> {
  const challenge = challengeOf(input.credential.response.clientDataJSON)
  // Taken outside the transaction below, so a failed try still uses the challenge up.
  const taken = challenge ? await takeChallenge(db, challengeHash(challenge), 'registration', now) : undefined
  if (!challenge || !taken || taken.account_id !== session.accountId || !taken.user_handle) {
    throw new AppError('passkey_registration_failed', 'unknown, expired or foreign challenge')
  }
  const info = await verifiedRegistration(config, input.credential, challenge)
  if (!info) throw new AppError('passkey_registration_failed', 'attestation not verified')
  if (await findPasskeyByCredentialId(db, info.credential.id)) throw new AppError('passkey_registration_failed', 'credential already registered')
  const userHandle = taken.user_handle
  await db.transaction().execute(async (trx) => {
    await insertPasskey(trx, {
      account_id: session.accountId,
      credential_id: info.credential.id,
      public_key: Buffer.from(info.credential.publicKey),
      counter: info.credential.counter,
      transports: (input.credential.response.transports ?? []).slice(0, 10),
      user_handle: userHandle,
      name: input.name.trim() || 'Passkey',
      device_type: info.credentialDeviceType,
      backed_up: info.credentialBackedUp,
      created_at: now,
    })
    await recordAccess(trx, sessionActor(session), source, { action: 'create', outcome: 'success', clientId: null, dataKind: 'second_factor_passkey', recordId: session.accountId }, now)
    const account = await findAccountById(trx, session.accountId)
    if (account) await notifyAccountChange(trx, account, { subject: 'Passkey toegevoegd', what: 'Er is een passkey aan uw account toegevoegd.' }, now)
  })
}

export async function removePasskey(db: Db, session: ProfileSession, passkeyId: string, source: RequestSource, now: Date): Promise<void> {
  requireRecentLogin(session, now)
  await db.transaction().execute(async (trx) => {
    if (!(await deletePasskey(trx, session.accountId, passkeyId))) throw notFound('passkey')
    await recordAccess(trx, sessionActor(session), source, { action: 'delete', outcome: 'success', clientId: null, dataKind: 'second_factor_passkey', recordId: session.accountId }, now)
    const account = await findAccountById(trx, session.accountId)
    if (account) await notifyAccountChange(trx, account, { subject: 'Passkey verwijderd', what: 'Er is een passkey van uw account verwijderd.' }, now)
  })
}
