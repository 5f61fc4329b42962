/**
 * Reports imported per second through FHIR transaction Bundles (issue 12, item 9;
 * docs/decisions/fhir-bulk-reports.md): a bench integration client is registered directly in the
 * database, gets a token, makes one client (Patient) and then POSTs Bundles of progress-note
 * Observations, as an ECD importing a client's history would. Three figures, each Bundle checked
 * entry by entry so an error is never measured as speed:
 * - creating: Bundles of new reports, one at a time and two at a time (as an ECD with two
 *   connections); the ceiling (at least 5,000 reports/s) is judged on the better of the two;
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
  await postBundle(base, headers, JSON.stringify(bundle('warm-up', WARM_UP_REPORTS, 'Bench rapportage')), WARM_UP_REPORTS, '201 Created', '1')

  const total = BUNDLES * PER_BUNDLE
  // The Bundles are made before the clock starts, as an ECD has its export ready: the figure is the portal's.
  const prepared = (prefix: string, text: string) => Array.from({ length: BUNDLES }, (_, b) => JSON.stringify(bundle(`${prefix}${b}`, PER_BUNDLE, text)))
  /** Reports per second for the Bundles, sent `atOnce` at a time (as many connections of the ECD). */
  const timed = async (bodies: string[], status: string, version: string, atOnce = 1): Promise<number> => {
    const started = performance.now()
    for (let next = 0; next < bodies.length; next += atOnce) {
      await Promise.all(bodies.slice(next, next + atOnce).map((body) => postBundle(base, headers, body, PER_BUNDLE, status, version)))
    }
    return total / ((performance.now() - started) / 1000)
  }
  console.log(`\nFHIR import: ${total} reports in ${BUNDLES} transaction Bundles of ${PER_BUNDLE} (load average ${loadAverage()})`)
  const first = prepared('', 'Bench rapportage')
  const creating = await timed(first, '201 Created', '1')
  const repeating = await timed(first, '200 OK', '1')
  const updating = await timed(prepared('', 'Bench rapportage, aangevuld'), '200 OK', '2')
  const creatingTwo = await timed(prepared('two-', 'Bench rapportage'), '201 Created', '1', 2)
  const best = Math.max(creating, creatingTwo)
  figure('creating (new reports), one Bundle at a time', creating)
  figure('creating (new reports), two Bundles at a time', creatingTwo)
  figure('creating, the better of the two', best, `≥ ${CREATE_CEILING.toLocaleString('en')}`, best >= CREATE_CEILING)
  figure('repeating (the same Bundles: no change)', repeating)
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

/** Posts a Bundle (its JSON) of `count` entries and checks every entry's status and version, so a failure is never measured as speed. */
async function postBundle(base: string, headers: Record<string, string>, body: string, count: number, status: string, version: string): Promise<void> {
  const answer = await fetchJson(`${base}/fhir`, { method: 'POST', headers, body }) as { entry?: { response?: { status?: string; etag?: string } }[] }
  const entries = answer.entry ?? []
  const wrong = entries.findIndex((e) => e.response?.status !== status || e.response.etag !== `W/"${version}"`)
  if (entries.length !== count || wrong >= 0) {
    throw new Error(`FHIR import bench: expected ${count} entries "${status}" at version ${version}, got ${entries.length} (entry ${wrong}: ${JSON.stringify(entries[wrong]?.response)})`)
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
