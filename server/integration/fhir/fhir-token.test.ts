import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { createSecretClient, FHIR_JSON, keyPair, signAssertion, tokenFor } from './fhir.test-support.ts'
import { createIntegrationClient } from './integration-client.service.ts'

let t: TestApp
let now = new Date('2026-11-27T12:00:00Z')
beforeAll(async () => {
  t = await createTestApp({ now })
})
afterAll(() => t.close())

const FORM = 'application/x-www-form-urlencoded'
const TOKEN_URL = 'http://localhost:3000/fhir/auth/token'
const postToken = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/fhir/auth/token', headers: { 'content-type': FORM, ...headers }, payload: new URLSearchParams(fields).toString() })
const readPatients = (token: string) => t.app.inject({ method: 'GET', url: '/fhir/Patient?_count=1', headers: { authorization: `Bearer ${token}` } })

describe('client secret', () => {
  it('gives a short-lived bearer token with the registered scopes; the token opens the API', async () => {
    const client = await createSecretClient(t, ['system/Patient.read', 'system/Patient.write'])
    const res = await postToken({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.secret })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const body = res.json<{ access_token: string; token_type: string; expires_in: number; scope: string }>()
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 300, scope: 'system/Patient.read system/Patient.write' })
    expect((await readPatients(body.access_token)).statusCode).toBe(200)
    // Only the hash is stored.
    const stored = await t.db.selectFrom('integration_token').select('token_hash').execute()
    expect(stored.every((row) => !row.token_hash.toString('utf8').includes(body.access_token))).toBe(true)
  })

  it('takes HTTP Basic credentials too', async () => {
    const client = await createSecretClient(t)
    const basic = Buffer.from(`${client.clientId}:${client.secret}`).toString('base64')
    const res = await postToken({ grant_type: 'client_credentials' }, { authorization: `Basic ${basic}` })
    expect(res.statusCode).toBe(200)
  })

  it('refuses a wrong secret, an unknown client and a disabled client with invalid_client (401)', async () => {
    const client = await createSecretClient(t)
    const wrong = await postToken({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: `${client.secret}x` })
    expect(wrong.statusCode).toBe(401)
    expect(wrong.json()).toEqual({ error: 'invalid_client' })
    expect((await postToken({ grant_type: 'client_credentials', client_id: randomUUID(), client_secret: 'x' })).statusCode).toBe(401)
    await t.db.updateTable('integration_client').set({ disabled_at: now }).where('id', '=', client.clientId).execute()
    expect((await postToken({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.secret })).statusCode).toBe(401)
  })

  it('refuses another grant type and scopes the client was not registered for (400)', async () => {
    const client = await createSecretClient(t, ['system/Patient.read'])
    const grant = await postToken({ grant_type: 'password', client_id: client.clientId, client_secret: client.secret })
    expect(grant.statusCode).toBe(400)
    expect(grant.json()).toEqual({ error: 'unsupported_grant_type' })
    const scope = await postToken({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.secret, scope: 'system/Patient.write' })
    expect(scope.json()).toEqual({ error: 'invalid_scope' })
  })

  it('accepts only a strict form body on the token endpoint', async () => {
    const client = await createSecretClient(t)
    const fields = { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.secret }
    for (const type of ['application/x-www-form-urlencoded; charset=latin1', 'application/x-www-form-urlencoded\t', 'text/plain', 'multipart/form-data']) {
      const res = await postToken(fields, { 'content-type': type })
      expect(res.statusCode, type).toBe(415)
    }
    const json = await t.app.inject({ method: 'POST', url: '/fhir/auth/token', headers: { 'content-type': 'application/json' }, payload: fields })
    expect(json.statusCode).toBe(200)
  })
})

describe('private_key_jwt', () => {
  for (const kind of ['ES256', 'RS256'] as const) {
    it(`gives a token for a ${kind} assertion signed with the registered key, once per jti`, async () => {
      const keys = keyPair(kind)
      const created = await createIntegrationClient(t.db, { name: `ECD ${kind} ${randomUUID()}`, identifierSystem: 'urn:oid:2.16.840.1.113883.2.4.3.11.999.1', scopes: ['system/*.read'], publicJwk: keys.publicJwk })
      expect(created.clientSecret).toBeNull()
      const claims = { iss: created.clientId, sub: created.clientId, aud: TOKEN_URL, exp: now.getTime() / 1000 + 120, jti: randomUUID() }
      const fields = { grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: signAssertion(kind, keys.privateKey, claims) }
      const res = await postToken(fields)
      expect(res.statusCode).toBe(200)
      expect((await readPatients(res.json<{ access_token: string }>().access_token)).statusCode).toBe(200)
      // The same assertion again is a replay.
      expect((await postToken(fields)).statusCode).toBe(401)
    })
  }

  it('refuses another audience, an expired or too long-lived assertion, another key and alg none', async () => {
    const keys = keyPair('ES256')
    const other = keyPair('ES256')
    const created = await createIntegrationClient(t.db, { name: `ECD jwt ${randomUUID()}`, identifierSystem: 'urn:oid:2.16.840.1.113883.2.4.3.11.999.1', scopes: ['system/*.read'], publicJwk: keys.publicJwk })
    const base = { iss: created.clientId, sub: created.clientId, aud: TOKEN_URL, exp: now.getTime() / 1000 + 120 }
    const attempt = (assertion: string) => postToken({ grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion })
    const cases = [
      signAssertion('ES256', keys.privateKey, { ...base, aud: 'https://elsewhere.example/token', jti: randomUUID() }),
      signAssertion('ES256', keys.privateKey, { ...base, exp: now.getTime() / 1000 - 1, jti: randomUUID() }),
      signAssertion('ES256', keys.privateKey, { ...base, exp: now.getTime() / 1000 + 3600, jti: randomUUID() }),
      signAssertion('ES256', other.privateKey, { ...base, jti: randomUUID() }),
      `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...base, jti: randomUUID() })).toString('base64url')}.`,
    ]
    for (const assertion of cases) expect((await attempt(assertion)).statusCode).toBe(401)
  })
})

describe('bearer tokens', () => {
  it('refuses no token, an unknown token and an expired token with 401 and an OperationOutcome', async () => {
    const client = await createSecretClient(t)
    const token = await tokenFor(t, client)
    const none = await t.app.inject({ method: 'GET', url: '/fhir/Patient' })
    expect(none.statusCode).toBe(401)
    expect(none.headers['www-authenticate']).toContain('Bearer')
    expect(none.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'login' }] })
    expect((await readPatients('A'.repeat(43))).statusCode).toBe(401)
    now = new Date(now.getTime() + 301_000)
    t.setNow(now)
    expect((await readPatients(token)).statusCode).toBe(401)
  })

  it("refuses another client's token once that client is disabled, and keeps other clients working", async () => {
    const first = await createSecretClient(t)
    const second = await createSecretClient(t)
    const firstToken = await tokenFor(t, first)
    const secondToken = await tokenFor(t, second)
    await t.db.updateTable('integration_client').set({ disabled_at: now }).where('id', '=', first.clientId).execute()
    expect((await readPatients(firstToken)).statusCode).toBe(401)
    expect((await readPatients(secondToken)).statusCode).toBe(200)
  })

  it('refuses a missing scope with 403 and logs the refusal under the client', async () => {
    const client = await createSecretClient(t, ['system/Patient.read'])
    const token = await tokenFor(t, client)
    const res = await t.app.inject({ method: 'POST', url: '/fhir/Patient', headers: { authorization: `Bearer ${token}`, 'content-type': FHIR_JSON }, payload: { resourceType: 'Patient' } })
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'forbidden' }] })
    const logged = await t.db.selectFrom('access_log').selectAll().where('actor_id', '=', client.clientId).execute()
    expect(logged).toEqual([expect.objectContaining({ actor_type: 'integration', outcome: 'denied', action: 'create', data_kind: 'fhir:Patient' })])
  })

  it('limits each client to its own rate (429), without slowing another client', async () => {
    const created = await createIntegrationClient(t.db, { name: `ECD slow ${randomUUID()}`, identifierSystem: 'urn:oid:2.16.840.1.113883.2.4.3.11.999.1', scopes: ['system/*.read'], requestsPerMinute: 2 })
    const token = await tokenFor(t, { clientId: created.clientId, secret: created.clientSecret! })
    const other = await tokenFor(t, await createSecretClient(t))
    expect((await readPatients(token)).statusCode).toBe(200)
    expect((await readPatients(token)).statusCode).toBe(200)
    const limited = await readPatients(token)
    expect(limited.statusCode).toBe(429)
    expect(limited.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'throttled' }] })
    expect((await readPatients(other)).statusCode).toBe(200)
  })
})

describe('body types under /fhir', () => {
  it('takes a form body only on the routes made for it, and FHIR JSON only in UTF-8', async () => {
    const client = await createSecretClient(t)
    const token = await tokenFor(t, client)
    const send = (url: string, type: string, payload: string) => t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}`, 'content-type': type }, payload })
    expect((await send('/fhir/Patient', FORM, 'resourceType=Patient')).statusCode).toBe(415)
    expect((await send('/fhir', FORM, 'resourceType=Bundle')).statusCode).toBe(415)
    expect((await send('/fhir/Patient/_search', FORM, '_count=1')).statusCode).toBe(200)
    for (const type of ['application/fhir+json; charset=utf-16', 'application/fhir+json;charset=utf-8;x=1', 'application/fhir+xml', 'application/fhir+json\t']) {
      const res = await send('/fhir/Patient', type, '{"resourceType":"Patient"}')
      expect(res.statusCode, type).toBe(415)
      expect(res.json()).toMatchObject({ resourceType: 'OperationOutcome' })
    }
  })
})

describe('CapabilityStatement', () => {
  it('is public and names the token endpoint and the resources', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/fhir/metadata' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/fhir+json; charset=utf-8')
    const statement = res.json()
    expect(statement).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' })
    expect(JSON.stringify(statement)).toContain(TOKEN_URL)
    expect(statement.rest[0].resource.map((r: { type: string }) => r.type)).toContain('Patient')
  })
})
