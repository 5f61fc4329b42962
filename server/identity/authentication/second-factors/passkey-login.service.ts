import { type AuthenticationResponseJSON, generateAuthenticationOptions, verifyAuthenticationResponse } from '@simplewebauthn/server'
import type { PasskeyAuthenticationOptionsAnswer, PasskeyLoginRequest } from '../../../../shared/schemas/auth.ts'
import type { Config } from '../../../config.ts'
import type { Db } from '../../../platform/db/database.ts'
import { AppError, rateLimited } from '../../../platform/errors.ts'
import { type Actor, anonymousActor, recordAccess, type RequestSource } from '../../../platform/access-log/access-log.service.ts'
import { isThrottled, resetFailures } from '../lockout.ts'
import { consumeRateLimit } from '../rate-limit.ts'
import { startSession } from '../session.service.ts'
import { findPasskeyForUpdate, insertChallenge, recordPasskeyUse, takeChallenge } from './second-factor.repository.ts'
import { CHALLENGE_LIFETIME_MS, challengeHash, challengeOf, relyingParty } from './webauthn.ts'

const OPTIONS_PER_ADDRESS_PER_10_MINUTES = 100
const LOGINS_PER_ADDRESS_PER_10_MINUTES = 50

type PasskeyWithAccount = NonNullable<Awaited<ReturnType<typeof findPasskeyForUpdate>>>

/** Options for a passwordless login: no user name asked, the browser offers the person's passkeys. */
export async function passkeyLoginOptions(db: Db, config: Pick<Config, 'publicBaseUrl'>, ip: string, now: Date): Promise<PasskeyAuthenticationOptionsAnswer> {
  if (!(await consumeRateLimit(db, `passkey-options:ip:${ip}`, OPTIONS_PER_ADDRESS_PER_10_MINUTES, 600, now))) throw rateLimited('passkey options per address')
  const options = await generateAuthenticationOptions({ rpID: relyingParty(config).rpID, userVerification: 'required', timeout: CHALLENGE_LIFETIME_MS })
  await insertChallenge(db, {
    challenge_hash: challengeHash(options.challenge),
    purpose: 'authentication',
    account_id: null,
    user_handle: null,
    created_at: now,
    expires_at: new Date(now.getTime() + CHALLENGE_LIFETIME_MS),
  })
  // The library's type allows extensions; the response schema names what actually leaves.
  return { options: options as PasskeyAuthenticationOptionsAnswer['options'] }
}

function passkeyActor(row: PasskeyWithAccount): Actor {
  return { type: row.kind === 'staff' ? 'staff' : 'account', id: row.account_id, role: row.kind, name: row.display_name }
}

function mayLogIn(row: PasskeyWithAccount, now: Date): boolean {
  return !row.blocked_at && !row.ended_at && !isThrottled(row, now)
}

/** The new signature counter when the assertion is valid and user-verified, else null. */
async function verifiedCounter(config: Pick<Config, 'publicBaseUrl'>, row: PasskeyWithAccount, credential: PasskeyLoginRequest['credential'], challenge: string) {
  const { rpID, origin } = relyingParty(config)
  const userHandle = credential.response.userHandle
  if (userHandle !== undefined && userHandle !== row.user_handle) return null
  try {
    const result = await verifyAuthenticationResponse({
      response: credential as AuthenticationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: { id: row.credential_id, publicKey: new Uint8Array(row.public_key), counter: Number(row.counter), transports: row.transports },
      requireUserVerification: true,
    })
    return result.verified && result.authenticationInfo.userVerified ? result.authenticationInfo.newCounter : null
  } catch {
    // Wrong signature, origin or RP, or a counter that went backwards (a cloned authenticator).
    return null
  }
}

/**
 * Passwordless login: a user-verified assertion of a registered passkey, signed over a challenge
 * this portal handed out (single use, five minutes), starts a session. Every refusal is the same
 * `passkey_not_accepted`. A failure does not count toward the account's lockout: a signature cannot
 * be guessed, and counting would let anyone who saw a credential id lock the person out.
 */
export async function logInWithPasskey(
  db: Db,
  config: Pick<Config, 'publicBaseUrl'>,
  credential: PasskeyLoginRequest['credential'],
  source: RequestSource,
  now: Date,
): Promise<string> {
  if (!(await consumeRateLimit(db, `passkey-login:ip:${source.ip}`, LOGINS_PER_ADDRESS_PER_10_MINUTES, 600, now))) throw rateLimited('passkey login per address')
  const challenge = challengeOf(credential.response.clientDataJSON)
  // Taken before and outside the login transaction: a challenge is used up even by a failed try.
  const taken = challenge ? await takeChallenge(db, challengeHash(challenge), 'authentication', now) : undefined
  const outcome = await db.transaction().execute(async (trx) => {
    const row = await findPasskeyForUpdate(trx, credential.id)
    if (!row) {
      await recordAccess(trx, anonymousActor, source, { action: 'login', outcome: 'failure', clientId: null, dataKind: 'account' }, now)
      return null
    }
    const actor = passkeyActor(row)
    const counter = challenge && taken && mayLogIn(row, now) ? await verifiedCounter(config, row, credential, challenge) : null
    if (counter === null) {
      await recordAccess(trx, actor, source, { action: 'login', outcome: 'failure', clientId: null, dataKind: 'account', recordId: row.account_id }, now)
      return null
    }
    await recordPasskeyUse(trx, row.id, counter, now)
    await resetFailures(trx, row.account_id)
    await recordAccess(trx, actor, source, { action: 'login', outcome: 'success', clientId: null, dataKind: 'account', recordId: row.account_id }, now)
    return startSession(trx, { accountId: row.account_id, secondFactor: 'passkey', ip: source.ip, userAgent: source.userAgent }, now)
  })
  if (outcome === null) throw new AppError('passkey_not_accepted')
  return outcome
}
