/**
 * Reports imported per second through FHIR transaction Bundles (issue 12, item 9;
 * docs/decisions/fhir-bulk-reports.md): a bench integration client is registered directly in the
 * database, gets a token, makes one client (Patient) and then POSTs Bundles of progress-note
 * Observations, as an ECD importing a client's history would. Three figures, each Bundle checked
 * entry by entry so an error is never measured as speed:
 * - creating: Bundles of new reports (the ceiling: at least 5,000 reports/s);
 * - repeating: the same Bundles again (nothing changes: every entry 200, version 1);
 * - updating: the same Bundles with another text (every report gets version 2).
 * The load average is printed beside them: the machine is shared, compare runs made back to back.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { loadavg } from 'node:os'
import pg from 'pg'

const SYSTEM = 'urn:oid:2.16.840.1.113883.2.4.3.11.999.77'
const BUNDLES = Number(process.env.BENCH_FHIR_BUNDLES ?? 5)
const PER_BUNDLE = Number(process.env.BENCH_FHIR_REPORTS ?? 1000)
/** Issue 12, item 9: new reports per second through Bundles of 1,000. */
const CREATE_CEILING = 5000
/** Untimed first Bundle: the FHIR definitions and the JIT warm up on it, not on the measured ones. */
const WARM_UP_REPORTS = 50

interface BenchBundle {
  resourceType: 'Bundle'
  type: 'transaction'
  entry: unknown[]
}

export async function benchFhirImport(base: string, databaseUrl: string): Promise<void> {
  const headers = await benchClientHeaders(base, databaseUrl)
  const run = randomUUID().slice(0, 8)
  const patient = await fetchJson(`${base}/fhir/Patient?identifier=${encodeURIComponent(`${SYSTEM}|bench-${run}`)}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ resourceType: 'Patient', identifier: [{ system: SYSTEM, value: `bench-${run}` }], name: [{ use: 'official', family: 'Bank', given: ['Bea'] }], gender: 'female', birthDate: '1940-02-03' }),
  }) as { id: string }
  const bundle = (name: string, count: number, text: string): BenchBundle => ({
    resourceType: 'Bundle',
    type: 'transaction',
    entry: Array.from({ length: count }, (_, i) => {
      const ecdId = `bench-${run}-${name}-${i}`
      return {
        resource: {
          resourceType: 'Observation', identifier: [{ system: SYSTEM, value: ecdId }], status: 'final',
          code: { coding: [{ system: 'http://loinc.org', code: '11506-3' }] }, subject: { reference: `Patient/${patient.id}` },
          effectiveDateTime: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
          valueString: `${text} ${i}: rustig geslapen en goed gegeten.`,
        },
        request: { method: 'PUT', url: `Observation?identifier=${encodeURIComponent(`${SYSTEM}|${ecdId}`)}` },
      }
    }),
  })
  await postBundle(base, headers, bundle('warm-up', WARM_UP_REPORTS, 'Bench rapportage'), '201 Created', '1')

  const names = Array.from({ length: BUNDLES }, (_, b) => String(b))
  const total = BUNDLES * PER_BUNDLE
  const timed = async (text: string, status: string, version: string): Promise<number> => {
    const started = performance.now()
    for (const name of names) await postBundle(base, headers, bundle(name, PER_BUNDLE, text), status, version)
    return total / ((performance.now() - started) / 1000)
  }
  console.log(`\nFHIR import: ${total} reports in ${BUNDLES} transaction Bundles of ${PER_BUNDLE} (load average ${loadAverage()})`)
  const creating = await timed('Bench rapportage', '201 Created', '1')
  figure('creating (new reports)', creating, `≥ ${CREATE_CEILING.toLocaleString('en')}`, creating >= CREATE_CEILING)
  const repeating = await timed('Bench rapportage', '200 OK', '1')
  figure('repeating (the same Bundles: no change)', repeating)
  const updating = await timed('Bench rapportage, aangevuld', '200 OK', '2')
  figure('updating (the same Bundles, another text)', updating)
  console.log(`  (load average at the end ${loadAverage()})`)
}

/** A fresh integration client per run (names are unique), its secret hashed as the token endpoint expects; answers its request headers. */
async function benchClientHeaders(base: string, databaseUrl: string): Promise<Record<string, string>> {
  const secret = randomBytes(32).toString('base64url')
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  let clientId: string
  try {
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
  return { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/fhir+json' }
}

/** Posts a Bundle and checks every entry's status and version, so a failure is never measured as speed. */
async function postBundle(base: string, headers: Record<string, string>, bundle: BenchBundle, status: string, version: string): Promise<void> {
  const answer = await fetchJson(`${base}/fhir`, { method: 'POST', headers, body: JSON.stringify(bundle) }) as { entry?: { response?: { status?: string; etag?: string } }[] }
  const entries = answer.entry ?? []
  const wrong = entries.findIndex((e) => e.response?.status !== status || e.response.etag !== `W/"${version}"`)
  if (entries.length !== bundle.entry.length || wrong >= 0) {
    throw new Error(`FHIR import bench: expected ${bundle.entry.length} entries "${status}" at version ${version}, got ${entries.length} (entry ${wrong}: ${JSON.stringify(entries[wrong]?.response)})`)
  }
}

function figure(name: string, perSecond: number, ceiling?: string, holds?: boolean): void {
  const verdict = ceiling === undefined ? '' : `ceiling ${ceiling.padEnd(10)} ${holds ? 'holds' : 'MISSES'}`
  console.log(`  ${name.padEnd(44)} ${perSecond.toFixed(0).padStart(6)} reports/s  ${verdict}`)
}

function loadAverage(): string {
  return loadavg().map((n) => n.toFixed(2)).join(' ')
}

async function fetchJson(url: string, init: RequestInit): Promise<unknown> {
  const res = await fetch(url, init)
  if (!res.ok) throw new Error(`${init.method} ${url.split('?')[0]}: ${res.status} ${(await res.text()).slice(0, 300)}`)
  return res.json()
}
