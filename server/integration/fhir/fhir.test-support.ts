import { generateKeyPairSync, type JsonWebKey, randomUUID, sign } from 'node:crypto'
import type { TestApp } from '../../test/test-app.ts'
import { rememberSecret } from '../../test/log-capture.ts'
import { createIntegrationClient } from './integration-client.service.ts'

/** The ECD's identifier system in tests. */
export const ECD_SYSTEM = 'urn:oid:2.16.840.1.113883.2.4.3.11.999.1'
export const FHIR_JSON = 'application/fhir+json'

/** An integration client with a secret; returns its id and secret. */
export async function createSecretClient(t: TestApp, scopes = ['system/*.read', 'system/*.write'], name = `ECD ${randomUUID().slice(0, 8)}`) {
  const created = await createIntegrationClient(t.db, { name, identifierSystem: ECD_SYSTEM, scopes })
  return { clientId: created.clientId, secret: rememberSecret(created.clientSecret!) }
}

/** A token for a secret client, through the real token endpoint. */
export async function tokenFor(t: TestApp, client: { clientId: string; secret: string }, scope?: string): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.secret, ...(scope ? { scope } : {}) })
  const res = await t.app.inject({ method: 'POST', url: '/fhir/auth/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() })
  if (res.statusCode !== 200) throw new Error(`token: ${res.statusCode} ${res.body}`)
  return rememberSecret(res.json<{ access_token: string }>().access_token)
}

/** A client with all scopes and a token, ready to call the API. */
export async function fhirCaller(t: TestApp, scopes?: string[]) {
  const client = await createSecretClient(t, scopes)
  const token = await tokenFor(t, client)
  const headers = { authorization: `Bearer ${token}`, 'content-type': FHIR_JSON }
  return { ...client, token, headers }
}

/** An ES256 or RS256 key pair as JWKs, for private_key_jwt. */
export function keyPair(kind: 'ES256' | 'RS256') {
  const { publicKey, privateKey } = kind === 'ES256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('rsa', { modulusLength: 2048 })
  return { publicJwk: publicKey.export({ format: 'jwk' }) as JsonWebKey, privateKey }
}

/** A signed client assertion (RFC 7523) with the claims given. */
export function signAssertion(kind: 'ES256' | 'RS256', privateKey: ReturnType<typeof keyPair>['privateKey'], claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const input = `${encode({ alg: kind, typ: 'JWT' })}.${encode(claims)}`
  const signature = sign('sha256', Buffer.from(input), kind === 'ES256' ? { key: privateKey, dsaEncoding: 'ieee-p1363' } : privateKey)
  return `${input}.${signature.toString('base64url')}`
}
