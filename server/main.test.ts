import { type ChildProcess, spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'

// The real start-up (server/main.ts) in a child process: what it says about its mode.
const BASE_ENV = {
  ...process.env,
  EMBEDDED_DATA_DIR: 'memory://',
  PORT: '0',
  SEED_DEMO_DATA: 'never',
  NODE_ENV: 'development',
  DATABASE_URL: '',
  SMTP_URL: '',
  SMS_PROVIDER: '',
  TRUST_PROXY: '',
}

function start(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let text = ''
  const add = (chunk: Buffer) => {
    text += chunk.toString('utf8')
  }
  child.stdout.on('data', add)
  child.stderr.on('data', add)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, output: () => text, exited }
}

describe('start-up (security property 31: which mode runs, and why)', () => {
  it('property 31: says it runs in demo mode with the development mailbox, and warns about a TRUST_PROXY hop count', async () => {
    const server = start({ ...BASE_ENV, TRUST_PROXY: '2' })
    try {
      await expect.poll(server.output, { timeout: 170_000, interval: 200 }).toMatch(/draait op/)
      expect(server.output()).toContain('demo mode: embedded database, no SMTP, console SMS, NODE_ENV development — development mailbox on /api/dev/outbox (loopback only)')
      expect(server.output()).toContain('TRUST_PROXY is a hop count (2)')
    } finally {
      server.child.kill('SIGTERM')
      await server.exited
    }
  }, 180_000)

  it('property 31: refuses a real database without a chosen SMS provider, naming the setting', async () => {
    const server = start({ ...BASE_ENV, DATABASE_URL: 'postgres://127.0.0.1:1/portal', DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') })
    expect(await server.exited).toBe(1)
    expect(server.output()).toMatch(/SMS_PROVIDER: required with DATABASE_URL/)
  }, 60_000)
})
