/**
 * Reports imported per second through FHIR transaction Bundles: a bench integration client is
 * registered directly in the database, gets a token, makes one client (Patient) and then POSTs
 * Bundles of progress-note Observations, as an ECD importing a client's history would.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import pg from 'pg'

const SYSTEM = 'urn:oid:2.16.840.1.113883.2.4.3.11.999.77'
const BUNDLES = Number(process.env.BENCH_FHIR_BUNDLES ?? 4)
const PER_BUNDLE = Number(process.env.BENCH_FHIR_REPORTS ?? 500)

export async function benchFhirImport(base: string, databaseUrl: string): Promise<void> {
  const secret = randomBytes(32).toString('base64url')
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  let clientId: string
  try {
    // A fresh client per run (names are unique); the secret is hashed as the token endpoint expects.
    const row = await db.query<{ id: string }>(
      `insert into integration_client (name, secret_hash, identifier_system, scopes, requests_per_minute) values ($1, $2, $3, $4, 100000) returning id`,
      [`bench ECD ${randomUUID().slice(0, 8)}`, createHash('sha256').update(secret, 'utf8').digest(), SYSTEM, 'system/*.read system/*.write'],
    )
    clientId = row.rows[0]!.id
  } finally {
    await db.end()
  }
  const token = await fetchJson(`${base}/fhir/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }).toString(),
  }) as { access_token: string }
  const headers = { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/fhir+json' }
  const run = randomUUID().slice(0, 8)
  const patient = await fetchJson(`${base}/fhir/Patient?identifier=${encodeURIComponent(`${SYSTEM}|bench-${run}`)}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ resourceType: 'Patient', identifier: [{ system: SYSTEM, value: `bench-${run}` }], name: [{ use: 'official', family: 'Bank', given: ['Bea'] }], gender: 'female', birthDate: '1940-02-03' }),
  }) as { id: string }

  const started = performance.now()
  for (let b = 0; b < BUNDLES; b++) {
    const entry = Array.from({ length: PER_BUNDLE }, (_, i) => {
      const ecdId = `bench-${run}-${b}-${i}`
      return {
        resource: {
          resourceType: 'Observation', identifier: [{ system: SYSTEM, value: ecdId }], status: 'final',
          code: { coding: [{ system: 'http://loinc.org', code: '11506-3' }] }, subject: { reference: `Patient/${patient.id}` },
          effectiveDateTime: new Date(Date.UTC(2026, 0, 1) + (b * PER_BUNDLE + i) * 60_000).toISOString(),
          valueString: `Bench rapportage ${i}: rustig geslapen en goed gegeten.`,
        },
        request: { method: 'PUT', url: `Observation?identifier=${encodeURIComponent(`${SYSTEM}|${ecdId}`)}` },
      }
    })
    await fetchJson(`${base}/fhir`, { method: 'POST', headers, body: JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry }) })
  }
  const seconds = (performance.now() - started) / 1000
  const total = BUNDLES * PER_BUNDLE
  console.log(`\nFHIR import: ${total} reports in ${BUNDLES} transaction Bundles of ${PER_BUNDLE}: ${seconds.toFixed(1)} s, ${(total / seconds).toFixed(0)} reports/s`)
}

async function fetchJson(url: string, init: RequestInit): Promise<unknown> {
  const res = await fetch(url, init)
  if (!res.ok) throw new Error(`${init.method} ${url.split('?')[0]}: ${res.status} ${(await res.text()).slice(0, 300)}`)
  return res.json()
}
