import { hash, verify } from '@node-rs/argon2'

/**
 * argon2id at OWASP's recommended minimum (m = 19 MiB, t = 2, p = 1); the parameters
 * are stored in the hash itself, so raising them later keeps old hashes verifiable.
 */
// `algorithm: 2` is Algorithm.Argon2id: the package exports it as a const enum, which
// isolated modules cannot read.
export const ARGON2_PARAMETERS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMETERS)
}

export function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  return verify(storedHash, password)
}
