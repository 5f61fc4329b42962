import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ConfigError, describeConfig, describeMode, loadConfig, trustProxyWarning } from './config.ts'

const key = Buffer.alloc(32, 7).toString('base64')

describe('loadConfig', () => {
  it('starts with the embedded database and documented defaults', () => {
    const config = loadConfig({})
    expect(config.database).toEqual({ kind: 'embedded', dataDir: './data/pglite' })
    expect(config.port).toBe(3000)
    expect(config.publicBaseUrl.origin).toBe('http://localhost:3000')
    expect(config.trustProxy).toBe(false)
  })

  it('uses PostgreSQL when DATABASE_URL is set, and then needs an encryption key', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/x' })).toThrow(/DATA_ENCRYPTION_KEY/)
    const config = loadConfig({ DATABASE_URL: 'postgres://localhost/x', DATA_ENCRYPTION_KEY: key })
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://localhost/x', poolSize: 10 })
  })

  it('refuses the embedded database in production, and says why', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://portaal.example.org' })).toThrow(/without fsync/)
  })

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'abc', PUBLIC_BASE_URL: 'portal', LOG_LEVEL: 'loud' })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError)
      const problems = (error as ConfigError).problems.join('\n')
      expect(problems).toMatch(/PORT/)
      expect(problems).toMatch(/PUBLIC_BASE_URL/)
      expect(problems).toMatch(/LOG_LEVEL/)
    }
  })

  it('parses the trusted proxies', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1)
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual(['10.0.0.1', '10.0.0.0/8'])
  })
})

describe('demo mode (security property 31: development conveniences only in demo mode)', () => {
  const postgres = { DATABASE_URL: 'postgres://db.example/portal', DATA_ENCRYPTION_KEY: key }
  const smtp = { SMTP_URL: 'smtps://user:pw@smtp.example.org:465', MAIL_FROM: 'Zorg <portaal@zorg.example>' }
  const cm = { SMS_PROVIDER: 'cm', CM_PRODUCT_TOKEN: '00000000-0000-0000-0000-000000000000', SMS_SENDER: 'Zorg' }

  it('property 31: is off with NODE_ENV unset (development) as soon as DATABASE_URL and SMTP are set', () => {
    const mode = loadConfig({ ...postgres, ...smtp, ...cm }).demoMode
    expect(mode.on).toBe(false)
    expect(mode.reasons).toEqual(['DATABASE_URL set', 'SMTP_URL set', 'SMS_PROVIDER is cm'])
    expect(describeMode(mode)).toBe('live mode: DATABASE_URL set, SMTP_URL set, SMS_PROVIDER is cm — development conveniences off')
  })

  it('property 31: any one setting that reaches real people ends it, whatever NODE_ENV says', () => {
    for (const nodeEnv of [undefined, 'development', 'test']) {
      expect(loadConfig({ NODE_ENV: nodeEnv, ...postgres, SMS_PROVIDER: 'console' }).demoMode).toMatchObject({ on: false, reasons: ['DATABASE_URL set'] })
      expect(loadConfig({ NODE_ENV: nodeEnv, ...smtp }).demoMode).toMatchObject({ on: false, reasons: ['SMTP_URL set'] })
      expect(loadConfig({ NODE_ENV: nodeEnv, ...cm }).demoMode).toMatchObject({ on: false, reasons: ['SMS_PROVIDER is cm'] })
      expect(
        loadConfig({ NODE_ENV: nodeEnv, SMS_PROVIDER: 'webhook', SMS_WEBHOOK_URL: 'https://sms.example', SMS_WEBHOOK_SECRET: 'x'.repeat(32) }).demoMode.on,
      ).toBe(false)
    }
  })

  it('is on only with the embedded database, no SMTP and console SMS, and says so', () => {
    const mode = loadConfig({}).demoMode
    expect(mode.on).toBe(true)
    expect(describeMode(mode)).toBe(
      'demo mode: embedded database, no SMTP, console SMS, NODE_ENV development — development mailbox on /api/dev/outbox (loopback only)',
    )
    expect(loadConfig({ SMS_PROVIDER: 'console' }).demoMode.on).toBe(true)
    // Tests run in demo mode without the mailbox; the line must not promise one.
    const testMode = loadConfig({ NODE_ENV: 'test' }).demoMode
    expect(testMode).toMatchObject({ on: true, mailbox: false })
    expect(describeMode(testMode)).toBe('demo mode: embedded database, no SMTP, console SMS, NODE_ENV test — no development mailbox outside NODE_ENV development')
  })

  it('the server refuses a real database without a chosen SMS provider: login codes must not vanish into a log', () => {
    expect(() => loadConfig(postgres, { server: true })).toThrow(/SMS_PROVIDER: required with DATABASE_URL/)
    expect(loadConfig({ ...postgres, ...cm }, { server: true }).sms.provider).toBe('cm')
    // The command-line tools send no SMS: they need no provider, and are not in demo mode either.
    expect(loadConfig(postgres).demoMode).toEqual({ on: false, reasons: ['DATABASE_URL set'], mailbox: false })
  })
})

describe('SMTP in production', () => {
  const production = {
    NODE_ENV: 'production',
    DATABASE_URL: 'postgres://db.example/portal',
    DATA_ENCRYPTION_KEY: key,
    PUBLIC_BASE_URL: 'https://portaal.example.org',
    MAIL_FROM: 'Zorg <portaal@zorg.example>',
    SMS_PROVIDER: 'cm',
    CM_PRODUCT_TOKEN: '00000000-0000-0000-0000-000000000000',
    SMS_SENDER: 'Zorg',
  }

  it('refuses plain smtp:// (password links in clear text) unless STARTTLS is required', () => {
    expect(() => loadConfig({ ...production, SMTP_URL: 'smtp://smtp.example.org:587' })).toThrow(/SMTP_URL: smtp:\/\/ sends in clear text/)
    expect(() => loadConfig({ ...production, SMTP_URL: 'smtp://smtp.example.org:587?requireTLS=false' })).toThrow(/requireTLS=true/)
    const starttls = loadConfig({ ...production, SMTP_URL: 'smtp://smtp.example.org:587?requireTLS=true' })
    expect(starttls.mail.requireTls).toBe(true)
    const implicitTls = loadConfig({ ...production, SMTP_URL: 'smtps://smtp.example.org:465' })
    expect(implicitTls.mail.requireTls).toBe(false)
  })

  it('still allows plain smtp:// outside production (a local test mail server)', () => {
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:1025', MAIL_FROM: 'Zorg <p@zorg.example>' }).mail.requireTls).toBe(false)
  })
})

describe('trustProxyWarning', () => {
  it('warns about a hop count and recommends addresses or CIDRs', () => {
    expect(trustProxyWarning(loadConfig({ TRUST_PROXY: '2' }).trustProxy)).toMatch(/TRUST_PROXY is a hop count \(2\).*addresses or CIDRs/)
  })

  it('is silent for no proxy and for addresses/CIDRs', () => {
    expect(trustProxyWarning(loadConfig({}).trustProxy)).toBeUndefined()
    expect(trustProxyWarning(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16' }).trustProxy)).toBeUndefined()
  })
})

describe('the README configuration table', () => {
  it('names every variable the server reads, and no other', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const documented = [...readme.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((match) => match[1])
    expect(documented).toEqual(describeConfig().map((variable) => variable.name))
  })
})
