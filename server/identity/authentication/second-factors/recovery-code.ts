import { createHash, randomInt } from 'node:crypto'
import type { Db } from '../../../platform/db/database.ts'
import { replaceRecoveryCodes, useRecoveryCode } from './second-factor.repository.ts'

export const RECOVERY_CODE_COUNT = 10

// No 0/O, 1/I/L: codes are read from paper and typed by people who may not see well.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const CODE_LENGTH = 12

/** Case, spaces and dashes do not matter; what is left must be twelve characters of the alphabet. */
function normalise(code: string): string | null {
  const plain = code.toUpperCase().replace(/[\s-]/g, '')
  return plain.length === CODE_LENGTH && [...plain].every((c) => ALPHABET.includes(c)) ? plain : null
}

// ~59 random bits per code: a fast hash is enough, and binding it to the account keeps one
// account's codes useless for another.
function recoveryCodeHash(accountId: string, normalised: string): Buffer {
  return createHash('sha256').update(`recovery:${accountId}:${normalised}`).digest()
}

function newRecoveryCode(): string {
  const chars = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)])
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-')
}

/** Replaces the account's recovery codes with ten new ones; returns them (the only time they exist in plain text). */
export async function issueRecoveryCodes(db: Db, accountId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode)
  await replaceRecoveryCodes(db, accountId, codes.map((code) => recoveryCodeHash(accountId, normalise(code) ?? '')), now)
  return codes
}

/** Uses one recovery code at login; true when it was the account's and still unused. */
export async function redeemRecoveryCode(db: Db, accountId: string, code: string, now: Date): Promise<boolean> {
  const normalised = normalise(code)
  if (!normalised) return false
  return useRecoveryCode(db, accountId, recoveryCodeHash(accountId, normalised), now)
}
