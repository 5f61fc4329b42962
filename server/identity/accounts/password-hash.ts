import { availableParallelism } from 'node:os'
import { hash, verify } from '@node-rs/argon2'
import { AppError } from '../../platform/errors.ts'
import { type CpuAdmission, CpuBusyError, createCpuAdmission } from '../../platform/crypto/cpu-admission.ts'

/**
 * argon2id at OWASP's recommended minimum (m = 19 MiB, t = 2, p = 1); the parameters
 * are stored in the hash itself, so raising them later keeps old hashes verifiable.
 */
// `algorithm: 2` is Algorithm.Argon2id: the package exports it as a const enum, which
// isolated modules cannot read.
export const ARGON2_PARAMETERS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

/** Half the cores (at least one) hash at once: the other half keeps serving every other route. */
export const DEFAULT_HASH_CONCURRENCY = Math.max(1, Math.floor(availableParallelism() / 2))
export const DEFAULT_HASH_QUEUE = 32

let admission: CpuAdmission = createCpuAdmission({ concurrency: DEFAULT_HASH_CONCURRENCY, queueLimit: DEFAULT_HASH_QUEUE })

/** Sets the bound on simultaneous hashing (server start, from PASSWORD_HASH_CONCURRENCY and PASSWORD_HASH_QUEUE). */
export function configurePasswordHashing(options: { concurrency: number; queueLimit: number }): void {
  admission = createCpuAdmission(options)
}

/** Running, waiting and refused hashing jobs of this process (for /metrics). */
export function passwordHashingStats(): ReturnType<CpuAdmission['stats']> {
  return admission.stats()
}

export function hashPassword(password: string): Promise<string> {
  return admitted(() => hash(password, ARGON2_PARAMETERS))
}

export function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  return admitted(() => verify(storedHash, password))
}

/** Past the queue's bound: 503 `server_busy` with Retry-After, rather than every route slowing down. */
async function admitted<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await admission.run(work)
  } catch (error) {
    if (error instanceof CpuBusyError) throw new AppError('server_busy', 'password hashing queue full')
    throw error
  }
}
