import { createPublicKey, type JsonWebKey, verify } from 'node:crypto'

/** The claims of a private_key_jwt client assertion (RFC 7523) the token endpoint relies on. */
export interface AssertionClaims {
  iss: string
  sub: string
  aud: string | string[]
  exp: number
  jti: string
  iat?: number
}

const ALGORITHMS = { RS256: { kty: 'RSA', dsaEncoding: undefined }, ES256: { kty: 'EC', dsaEncoding: 'ieee-p1363' } } as const

function decodePart(part: string | undefined): unknown {
  if (!part || !/^[A-Za-z0-9_-]+$/.test(part)) return undefined
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
}

/** The `iss` of an assertion before its signature is checked: only to find whose key to check with. */
export function unverifiedIssuer(assertion: string): string | undefined {
  const claims = decodePart(assertion.split('.')[1]) as Partial<AssertionClaims> | undefined
  return typeof claims?.iss === 'string' ? claims.iss : undefined
}

/**
 * Verifies a client assertion's signature with the registered public key (RS256 or ES256 only:
 * the algorithm must match the key type, so `none` or HMAC tricks fail) and returns its claims,
 * or undefined. The caller checks iss, sub, aud, exp and jti.
 */
export function verifyAssertion(assertion: string, jwk: JsonWebKey): AssertionClaims | undefined {
  const parts = assertion.split('.')
  if (parts.length !== 3) return undefined
  const header = decodePart(parts[0]) as { alg?: string; typ?: string } | undefined
  const algorithm = header?.alg === 'RS256' || header?.alg === 'ES256' ? ALGORITHMS[header.alg] : undefined
  if (!algorithm || jwk.kty !== algorithm.kty) return undefined
  let valid = false
  try {
    const key = createPublicKey({ key: jwk, format: 'jwk' })
    const signature = Buffer.from(parts[2]!, 'base64url')
    valid = verify('sha256', Buffer.from(`${parts[0]}.${parts[1]}`), algorithm.dsaEncoding ? { key, dsaEncoding: algorithm.dsaEncoding } : key, signature)
  } catch {
    return undefined
  }
  if (!valid) return undefined
  const claims = decodePart(parts[1]) as Partial<AssertionClaims> | undefined
  if (!claims || typeof claims.iss !== 'string' || typeof claims.sub !== 'string' || typeof claims.exp !== 'number' || typeof claims.jti !== 'string') return undefined
  if (typeof claims.aud !== 'string' && !Array.isArray(claims.aud)) return undefined
  return claims as AssertionClaims
}
