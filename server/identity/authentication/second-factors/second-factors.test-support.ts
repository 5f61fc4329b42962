import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto'
import type { AuthenticationResponseJSON, PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/server'
import { isoCBOR } from '@simplewebauthn/server/helpers'
import { Secret, TOTP } from 'otpauth'
import { expect } from 'vitest'
import type { Db } from '../../../platform/db/database.ts'
import { rememberSecret } from '../../../test/log-capture.ts'
import type { LoggedIn } from '../../../test/login-helper.ts'
import type { TestApp } from '../../../test/test-app.ts'
import { readOutbox } from '../../../platform/outbox/outbox.test-support.ts'

type CBORType = Parameters<typeof isoCBOR.encode>[0]

const FLAG_USER_PRESENT = 0x01
const FLAG_USER_VERIFIED = 0x04
const FLAG_ATTESTED_DATA = 0x40

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest()

/** What a test may change about one ceremony, to prove the server refuses it. */
export interface CeremonyOptions {
  userVerified?: boolean
  origin?: string
  rpId?: string
  challenge?: string
  /** Sign with another key than the registered one. */
  forgeSignature?: boolean
}

/**
 * A passkey in a test: a P-256 key made with node:crypto, 'none' attestation and
 * authenticator data with the flags a platform authenticator sets (user present and verified).
 */
export function createSoftwareAuthenticator(defaults: { origin: string; rpId: string }) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const jwk = publicKey.export({ format: 'jwk' })
  const credentialId = randomBytes(16)
  let counter = 0
  let userHandle: string | undefined

  // COSE_Key: kty EC2 (2), alg ES256 (-7), crv P-256 (1), x, y.
  const coseKey = isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(jwk.x ?? '', 'base64url')],
      [-3, Buffer.from(jwk.y ?? '', 'base64url')],
    ]),
  )

  function authenticatorData(rpId: string, flags: number, attested: boolean): Buffer {
    const count = Buffer.alloc(4)
    count.writeUInt32BE(counter)
    const parts = [sha256(rpId), Buffer.from([flags | (attested ? FLAG_ATTESTED_DATA : 0)]), count]
    if (attested) {
      const length = Buffer.alloc(2)
      length.writeUInt16BE(credentialId.length)
      parts.push(Buffer.alloc(16), length, credentialId, Buffer.from(coseKey))
    }
    return Buffer.concat(parts)
  }

  function clientData(type: string, challenge: string, options: CeremonyOptions): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge: options.challenge ?? challenge, origin: options.origin ?? defaults.origin, crossOrigin: false }))
  }

  const flagsOf = (options: CeremonyOptions) => FLAG_USER_PRESENT | (options.userVerified === false ? 0 : FLAG_USER_VERIFIED)

  return {
    credentialId: credentialId.toString('base64url'),
    get counter() {
      return counter
    },

    /** navigator.credentials.create() */
    register(options: PublicKeyCredentialCreationOptionsJSON, ceremony: CeremonyOptions = {}): RegistrationResponseJSON {
      userHandle = options.user.id
      const authData = authenticatorData(ceremony.rpId ?? defaults.rpId, flagsOf(ceremony), true)
      const attestationObject = isoCBOR.encode(new Map<string, CBORType>([['fmt', 'none'], ['attStmt', new Map<string, CBORType>()], ['authData', new Uint8Array(authData)]]))
      return {
        id: credentialId.toString('base64url'),
        rawId: credentialId.toString('base64url'),
        response: {
          clientDataJSON: clientData('webauthn.create', options.challenge, ceremony).toString('base64url'),
          attestationObject: Buffer.from(attestationObject).toString('base64url'),
          transports: ['internal'],
        },
        authenticatorAttachment: 'platform',
        clientExtensionResults: {},
        type: 'public-key',
      }
    },

    /** navigator.credentials.get() */
    authenticate(options: PublicKeyCredentialRequestOptionsJSON, ceremony: CeremonyOptions = {}): AuthenticationResponseJSON {
      counter++
      const authData = authenticatorData(ceremony.rpId ?? defaults.rpId, flagsOf(ceremony), false)
      const clientDataJSON = clientData('webauthn.get', options.challenge, ceremony)
      const key = ceremony.forgeSignature ? generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey : privateKey
      const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), key)
      return {
        id: credentialId.toString('base64url'),
        rawId: credentialId.toString('base64url'),
        response: {
          clientDataJSON: clientDataJSON.toString('base64url'),
          authenticatorData: authData.toString('base64url'),
          signature: signature.toString('base64url'),
          ...(userHandle ? { userHandle } : {}),
        },
        authenticatorAttachment: 'platform',
        clientExtensionResults: {},
        type: 'public-key',
      }
    },
  }
}

/** The code an authenticator app shows at `at`, from the secret the enrolment answer gave. */
export function totpCode(secretGroups: string[], at: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secretGroups.join('')), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: at.getTime() })
}

/** A request of a logged-in person; a JSON body when `body` is given. */
export function send(t: TestApp, who: LoggedIn, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: { ...who.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  })
}

/** Adds an authenticator app for a freshly logged-in person; returns its secret and the recovery codes. */
export async function enrolTotp(t: TestApp, who: LoggedIn, now: Date): Promise<{ secretGroups: string[]; recoveryCodes: string[] }> {
  const started = await send(t, who, 'POST', '/api/profile/totp', {})
  expect(started.statusCode, started.body).toBe(200)
  const { secretGroups } = started.json<{ secretGroups: string[] }>()
  rememberSecret(secretGroups.join(''))
  const confirmed = await send(t, who, 'POST', '/api/profile/totp/confirm', { code: totpCode(secretGroups, now) })
  expect(confirmed.statusCode, confirmed.body).toBe(200)
  const recoveryCodes = confirmed.json<{ codes: string[] }>().codes
  recoveryCodes.forEach((code) => rememberSecret(code))
  return { secretGroups, recoveryCodes }
}

/** The e-mails queued for an address, newest first. */
export async function emailsTo(db: Db, to: string) {
  const emails = await readOutbox(db, { channel: 'email', recipient: to })
  return emails.sort((a, b) => b.created_at.getTime() - a.created_at.getTime() || Number(b.id) - Number(a.id))
}
