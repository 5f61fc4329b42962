import { readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'

/**
 * The embedded database (PGlite) does not lock its data folder: two processes on one folder
 * silently lose committed rows. This lock file refuses the second process. It holds the owner's
 * host and pid, so a lock left by a killed process is recognised and taken over.
 */
export class EmbeddedDatabaseLockedError extends Error {
  constructor(lockPath: string, ownerPid: number) {
    super(
      `The embedded database is already in use by another portal process (pid ${ownerPid}). ` +
        `Stop that process first, or set EMBEDDED_DATA_DIR to another folder. ` +
        `If no portal is running, delete ${lockPath}.`,
    )
    this.name = 'EmbeddedDatabaseLockedError'
  }
}

interface LockOwner {
  pid: number
  host: string
}

/** Takes the lock or throws EmbeddedDatabaseLockedError; returns the function that releases it. */
export function acquireEmbeddedLock(lockPath: string): () => void {
  const me: LockOwner = { pid: process.pid, host: hostname() }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, JSON.stringify(me), { flag: 'wx', mode: 0o600 })
      return () => releaseIfOurs(lockPath, me)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = readOwner(lockPath)
      if (owner && isAlive(owner)) throw new EmbeddedDatabaseLockedError(lockPath, owner.pid)
      // A stale lock of a process that no longer runs: take it over.
      unlinkSync(lockPath)
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`)
}

function readOwner(lockPath: string): LockOwner | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(lockPath, 'utf8'))
    if (typeof parsed === 'object' && parsed !== null && 'pid' in parsed && 'host' in parsed) {
      return { pid: Number(parsed.pid), host: String(parsed.host) }
    }
  } catch {
    // unreadable or half-written: treat as stale
  }
  return undefined
}

function isAlive(owner: LockOwner): boolean {
  // Another host sharing the folder cannot be checked: assume it is alive.
  if (owner.host !== hostname()) return true
  if (owner.pid === process.pid) return true
  try {
    process.kill(owner.pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function releaseIfOurs(lockPath: string, me: LockOwner): void {
  const owner = readOwner(lockPath)
  if (owner && owner.pid === me.pid && owner.host === me.host) unlinkSync(lockPath)
}
