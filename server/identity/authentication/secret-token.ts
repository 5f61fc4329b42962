import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** A 256-bit random token, URL-safe. Given to the person; only its hash is stored. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashSecretToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest()
}

/** Compares two strings in constant time (for tokens the client sends back). */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8')
  const right = Buffer.from(b, 'utf8')
  return left.length === right.length && timingSafeEqual(left, right)
}
