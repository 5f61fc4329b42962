import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { AppError } from '../../platform/errors.ts'
import { type CpuAdmission, CpuBusyError, createCpuAdmission } from '../../platform/crypto/cpu-admission.ts'
import type { HashAnswer, HashJob } from './password-hash.worker.ts'

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
  return admitted(() => onHashingThread({ op: 'hash', password, options: ARGON2_PARAMETERS }) as Promise<string>)
}

export function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  return admitted(() => onHashingThread({ op: 'verify', password, stored: storedHash }) as Promise<boolean>)
}

interface HashingThread {
  worker: Worker
  /** The thread's nice value once it started (19; null where the platform refused). */
  niceness: Promise<number | null>
  job?: { resolve: (result: string | boolean) => void; reject: (error: Error) => void }
}

const threads: HashingThread[] = []

/**
 * argon2id on a thread of its own at the lowest CPU priority (password-hash.worker.ts): with the
 * admission bound above, logins use at most half the cores, and only the CPU nothing else wants.
 * The admission lets at most `concurrency` jobs run, so there are at most that many threads, each
 * doing one job at a time. A thread holds the process open only while it works (a CLI that
 * awaits a hash does not exit early; an idle server's threads do not keep it up).
 */
function onHashingThread(job: HashJob): Promise<string | boolean> {
  const thread = threads.find((t) => t.job === undefined) ?? startHashingThread()
  return new Promise((resolve, reject) => {
    thread.job = { resolve, reject }
    thread.worker.ref()
    thread.worker.postMessage(job)
  })
}

function startHashingThread(): HashingThread {
  // Compiled (dist/, plain JavaScript) the worker is a .js file; from source (tsx, the tests) a
  // .ts one, which the thread loads after registering tsx's loader for itself.
  const fromSource = import.meta.url.endsWith('.ts')
  const file = new URL(`./password-hash.worker.${fromSource ? 'ts' : 'js'}`, import.meta.url)
  const worker = fromSource
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(file.href)}) })`, { eval: true })
    : new Worker(file)
  worker.unref()
  let started: (niceness: number | null) => void = () => {}
  const thread: HashingThread = { worker, niceness: new Promise((resolve) => (started = resolve)) }
  const settle = (answer: HashAnswer) => {
    const job = thread.job
    thread.job = undefined
    worker.unref()
    if (answer.ok) job?.resolve(answer.result)
    else job?.reject(new Error(`password hashing: ${answer.message}`))
  }
  worker.on('message', (message: HashAnswer | { ready: true; niceness: number | null }) => {
    if ('ready' in message) started(message.niceness)
    else settle(message)
  })
  const gone = (error: Error) => {
    const index = threads.indexOf(thread)
    if (index >= 0) threads.splice(index, 1)
    started(null)
    thread.job?.reject(error)
    thread.job = undefined
  }
  worker.on('error', gone)
  worker.on('exit', (code) => {
    if (threads.includes(thread)) gone(new Error(`password hashing thread stopped (${code})`))
  })
  threads.push(thread)
  return thread
}

/** The nice value of a hashing thread (starting one if none runs): for the tests. */
export function hashingThreadNiceness(): Promise<number | null> {
  return (threads[0] ?? startHashingThread()).niceness
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
