import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { acquireEmbeddedLock, EmbeddedDatabaseLockedError } from './embedded-lock.ts'

const dir = mkdtempSync(join(tmpdir(), 'portal-lock-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('embedded database lock', () => {
  it('refuses a second holder while the first lives, and frees on release', () => {
    const lockPath = join(dir, 'a.lock')
    const release = acquireEmbeddedLock(lockPath)
    expect(() => acquireEmbeddedLock(lockPath)).toThrow(EmbeddedDatabaseLockedError)
    release()
    expect(existsSync(lockPath)).toBe(false)
    acquireEmbeddedLock(lockPath)()
  })

  it('takes over the lock of a process that was killed', () => {
    const lockPath = join(dir, 'b.lock')
    // A pid far above any live one on this machine: the owner is gone.
    writeFileSync(lockPath, JSON.stringify({ pid: 2 ** 22 + 17, host: hostname() }))
    const release = acquireEmbeddedLock(lockPath)
    release()
  })

  // Two real start-ups (tsx, PGlite, migrations): slow on a busy two-core machine, hence the long timeout.
  it('refuses a second portal process on the same data folder with a clear message', async () => {
    const env = { ...process.env, EMBEDDED_DATA_DIR: join(dir, 'db'), PORT: '0', SEED_DEMO_DATA: 'never', NODE_ENV: 'development', DATABASE_URL: '' }
    const first = startServer(env)
    try {
      await waitForOutput(first, /draait op/)
      const second = startServer(env)
      const output = await waitForExit(second)
      expect(output.code).toBe(1)
      expect(output.text).toMatch(/already in use by another portal process/)
    } finally {
      first.kill('SIGTERM')
      await waitForExit(first)
    }
  }, 150_000)
})

function startServer(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
}

function collect(child: ChildProcess, onText: (text: string) => void): void {
  let text = ''
  const add = (chunk: Buffer) => {
    text += chunk.toString('utf8')
    onText(text)
  }
  child.stdout?.on('data', add)
  child.stderr?.on('data', add)
}

function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    collect(child, (text) => pattern.test(text) && resolve())
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it was ready`)))
  })
}

function waitForExit(child: ChildProcess): Promise<{ code: number | null; text: string }> {
  let output = ''
  collect(child, (text) => {
    output = text
  })
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve({ code: child.exitCode, text: output })
    child.once('exit', (code) => resolve({ code, text: output }))
  })
}
