import { setPriority } from 'node:os'
import { parentPort } from 'node:worker_threads'
import { hashSync, verifySync } from '@node-rs/argon2'

/**
 * A password-hashing thread (password-hash.ts): argon2id runs here, synchronously, one job at a
 * time. The thread first lowers its own CPU priority to the lowest (nice 19; on Linux the nice
 * value is per thread, so only this thread): when the cores are busy, the operating system runs
 * the event loop and the database before it, so a wave of logins waits for spare CPU instead of
 * taking it from every other request (issue 11, "logins never starve others").
 */
export interface HashJob {
  op: 'hash' | 'verify'
  password: string
  /** The stored hash to verify against ('verify'). */
  stored?: string
  /** argon2's options ('hash'). */
  options?: Parameters<typeof hashSync>[1]
}

/** One answer per job: a thread does one job at a time, so the answer needs no id. */
export type HashAnswer = { ok: true; result: string | boolean } | { ok: false; message: string }

let niceness: number | null = null
try {
  setPriority(19)
  niceness = 19
} catch {
  // A platform that does not let a thread lower itself: the admission bound still holds.
}

const port = parentPort
if (port) {
  port.postMessage({ ready: true, niceness })
  port.on('message', (job: HashJob) => {
    let answer: HashAnswer
    try {
      const result = job.op === 'hash' ? hashSync(job.password, job.options) : verifySync(job.stored ?? '', job.password)
      answer = { ok: true, result }
    } catch (error) {
      answer = { ok: false, message: error instanceof Error ? error.message : 'argon2 failed' }
    }
    port.postMessage(answer)
  })
}
