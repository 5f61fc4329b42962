import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ConfigError, describeConfig, loadConfig } from './config.ts'

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

describe('the README configuration table', () => {
  it('names every variable the server reads, and no other', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const documented = [...readme.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((match) => match[1])
    expect(documented).toEqual(describeConfig().map((variable) => variable.name))
  })
})
