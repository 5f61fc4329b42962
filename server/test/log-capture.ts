import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { threadId } from 'node:worker_threads'
import { inject } from 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of this run's captured log lines and known secrets (server/test/log-check.ts). */
    logCaptureDir: string | undefined
  }
}

/**
 * Log lines and the secrets tests used go to files in a folder made for this test run, so
 * the global teardown can check every worker's logs for secrets after the whole suite.
 * Without that folder (a project without the global setup) nothing is written.
 */
const folder = inject('logCaptureDir')
const fileStem = `${process.pid}-${threadId}`

/** Appends to this worker's file in the run's folder (made again should someone have removed it). */
function append(extension: string, text: string): void {
  if (!folder) return
  const path = join(folder, `${fileStem}.${extension}`)
  try {
    appendFileSync(path, text)
  } catch {
    mkdirSync(folder, { recursive: true })
    appendFileSync(path, text)
  }
}

/** Appends one log line of a test app to this run's log files. */
export function captureLogLine(line: string): void {
  append('log', line.endsWith('\n') ? line : `${line}\n`)
}

/**
 * Tells the log check about a secret a test uses (a password, a token): the check fails
 * when it shows up in any log line. Returns the value, so `const pw = rememberSecret('...')`.
 */
export function rememberSecret<T extends string>(secret: T): T {
  if (secret) append('secrets', `${secret.replace(/\n/g, ' ')}\n`)
  return secret
}
