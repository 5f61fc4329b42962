import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { keyPair } from './fhir.test-support.ts'
import { runCommand } from '../../platform/command-line.ts'
import { integrationCommand, parseIntegrationArguments } from './integration-client-cli.ts'
import { createIntegrationClient } from './integration-client.service.ts'

describe('npm run integration:create', () => {
  it('reads the options, and refuses missing ones', () => {
    expect(parseIntegrationArguments(['--name', 'ECD', '--identifier-system', 'urn:oid:1.2.3', '--scopes', 'system/*.read  system/Patient.write', '--per-minute', '120']))
      .toEqual({ name: 'ECD', identifierSystem: 'urn:oid:1.2.3', scopes: ['system/*.read', 'system/Patient.write'], requestsPerMinute: 120 })
    expect(() => parseIntegrationArguments(['--name', 'ECD'])).toThrow(/--identifier-system, --scopes/)
    expect(() => parseIntegrationArguments(['--name', 'ECD', '--identifier-system', 'x', '--scopes', 'y', '--per-minute', '0'])).toThrow()
    expect(parseIntegrationArguments(['--help'])).toBe('help')
  })
})

describe('registering an integration client', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('stores only the hash of the secret it prints once', async () => {
    const created = await createIntegrationClient(t.db, { name: 'ECD hash', identifierSystem: 'urn:oid:1.2.3', scopes: ['system/*.read'] })
    const row = await t.db.selectFrom('integration_client').selectAll().where('id', '=', created.clientId).executeTakeFirstOrThrow()
    expect(row.secret_hash).toHaveLength(32)
    expect(JSON.stringify(row)).not.toContain(created.clientSecret)
  })

  it('refuses scopes that are not SMART system scopes, a bad identifier system and a private key', async () => {
    const base = { name: 'ECD bad', identifierSystem: 'urn:oid:1.2.3', scopes: ['system/*.read'] }
    await expect(createIntegrationClient(t.db, { ...base, scopes: ['patient/*.read'] })).rejects.toMatchObject({ code: 'validation_failed' })
    await expect(createIntegrationClient(t.db, { ...base, identifierSystem: 'ECD' })).rejects.toMatchObject({ code: 'validation_failed' })
    const { privateKey } = keyPair('ES256')
    await expect(createIntegrationClient(t.db, { ...base, publicJwk: privateKey.export({ format: 'jwk' }) })).rejects.toMatchObject({ code: 'validation_failed' })
  })
})

describe('npm run integration:create, start to end', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  async function run(argv: string[]) {
    const out: string[] = []
    const err: string[] = []
    const exitCode = await runCommand(integrationCommand, argv, {
      env: { NODE_ENV: 'test', EMBEDDED_DATA_DIR: 'memory://' },
      stdout: (text) => out.push(text),
      stderr: (text) => err.push(text),
      // The test app's database, left open for it.
      openDatabase: async () => ({ db: t.db, kind: 'embedded', close: async () => {} }),
    })
    return { exitCode, stdout: out.join(''), stderr: err.join('') }
  }

  it('registers the client and prints its id and the secret once', async () => {
    const result = await run(['--name', 'ECD cli', '--identifier-system', 'urn:oid:1.2.3', '--scopes', 'system/*.read'])
    expect(result.exitCode).toBe(0)
    expect(result.stderr).toBe('')
    const match = /^Integration client "ECD cli" registered\.\nclient_id: {5}([0-9a-f-]{36})\nclient_secret: (\S+)\n\(shown only now; store it in the ECD's secret store\)\n$/.exec(result.stdout)
    expect(match).not.toBeNull()
    const row = await t.db.selectFrom('integration_client').select('name').where('id', '=', match![1]!).executeTakeFirstOrThrow()
    expect(row.name).toBe('ECD cli')
  })

  it('says why it registered nothing: exit code 1', async () => {
    const result = await run(['--name', 'ECD cli bad', '--identifier-system', 'ECD', '--scopes', 'system/*.read'])
    expect(result).toEqual({ exitCode: 1, stdout: '', stderr: 'Not registered: identifier system must be a URL, urn:oid or urn:uuid.\n' })
  })
})
