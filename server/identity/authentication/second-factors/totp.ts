import { HOTP, Secret, TOTP } from 'otpauth'
import QRCode from 'qrcode'
import type { FieldCipher } from '../../../platform/crypto/field-encryption.ts'
import type { Db } from '../../../platform/db/database.ts'
import { sameSecret } from '../secret-token.ts'
import { findConfirmedTotpForUpdate, storeTotpStep } from './second-factor.repository.ts'

export const TOTP_PERIOD_SECONDS = 30
export const TOTP_DIGITS = 6
/** One step either side, for a phone clock that is a little off and for typing time. */
const WINDOW_STEPS = 1

export function newTotpSecret(): string {
  // 160 bits, the size RFC 4226 recommends for HMAC-SHA-1.
  return new Secret({ size: 20 }).base32
}

/** What an authenticator app needs: the otpauth:// URI, its QR code and the secret to type. */
export async function describeTotpSecret(secretBase32: string, issuer: string, accountName: string) {
  const totp = new TOTP({ issuer, label: accountName, secret: Secret.fromBase32(secretBase32), digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS, algorithm: 'SHA1' })
  const otpauthUri = totp.toString()
  const svg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return {
    otpauthUri,
    qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`,
    secretGroups: secretBase32.match(/.{1,4}/g) ?? [],
  }
}

/**
 * The time step a code belongs to, within the window and after `lastUsedStep`, or null.
 * Refusing steps at or before the last accepted one makes every code single-use.
 */
export function matchTotpStep(secretBase32: string, code: string, now: Date, lastUsedStep: number | null): number | null {
  const digits = code.replace(/\s/g, '')
  if (!/^\d{6}$/.test(digits)) return null
  const secret = Secret.fromBase32(secretBase32)
  const current = Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS)
  let found: number | null = null
  // Every candidate is computed and compared, so the time taken says nothing about which matched.
  for (let step = current - WINDOW_STEPS; step <= current + WINDOW_STEPS; step++) {
    const expected = HOTP.generate({ secret, counter: step, digits: TOTP_DIGITS, algorithm: 'SHA1' })
    const fresh = lastUsedStep === null || step > lastUsedStep
    if (sameSecret(expected, digits) && fresh && found === null) found = step
  }
  return found
}

/**
 * Checks a login code against the account's confirmed app and, when it matches, remembers its
 * step so it cannot be used again. Run inside the login transaction: the row stays locked.
 */
export async function verifyTotpLoginCode(db: Db, cipher: FieldCipher, accountId: string, code: string, now: Date): Promise<boolean> {
  const row = await findConfirmedTotpForUpdate(db, accountId)
  if (!row) return false
  const lastUsed = row.last_used_step === null ? null : Number(row.last_used_step)
  const step = matchTotpStep(cipher.decrypt(row.secret_encrypted), code, now, lastUsed)
  if (step === null) return false
  await storeTotpStep(db, accountId, step)
  return true
}
