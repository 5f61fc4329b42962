/**
 * The record's request path against its ceilings (issue 11, docs/decisions/request-path.md), all
 * measured in one run so the ratios compare like with like on a shared, noisy machine:
 * - the home screen against bare Fastify + pg doing one primary-key SELECT (bare-server.ts);
 * - SQL statements per request of every record page (statement-probe.ts in the portal process);
 * - the home screen on the embedded database (PGlite) against the same on PostgreSQL.
 * Each figure is printed beside its ceiling with "holds" or "MISSES", and the load average.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import autocannon from 'autocannon'
import pg from 'pg'
import { pgliteExtensions } from '../server/platform/db/pglite-extensions.ts'
import { RECORD_PAGE_STATEMENTS } from '../server/record/record-statements.ts'
import { waitUntilReady } from './bench-server.ts'
import { type BenchQuerier } from './bench-session.ts'
import { prepareReader, type Reader } from './reports-bench.ts'
import { CAPTURE_HEADER, STATEMENTS_HEADER } from './statement-probe.ts'

/** The node arguments that start the portal with its statements counted in a response header. */
export const PROBED_SERVER_ARGS = ['--import', 'tsx', '--import', './bench/statement-probe.ts', 'server/main.ts']

/** Ceilings of issue 11: to reach, and the longer aim. */
const HOME_RATIO = { atLeast: 0.25, aim: 0.5 }
const HOME_P99_MS = { atMost: 50, aim: 25 }
const EMBEDDED_CONNECTIONS = 10
const EMBEDDED_RATIO = 0.8
interface Measured {
  rps: number
  p50: number
  p99: number
  errors: number
}

export interface RequestBenchOptions {
  /** The portal on PostgreSQL, started with PROBED_SERVER_ARGS. */
  base: string
  ownerUrl: string
  runtimeUrl: string
  connections: number
  seconds: number
  /** The portal's environment, for the bare server's pool size and the embedded portal. */
  env: NodeJS.ProcessEnv
}

export async function benchRequestPath(options: RequestBenchOptions): Promise<void> {
  const { base, connections, seconds } = options
  const reader = await withPg(options.ownerUrl, prepareReader)
  console.log(`\nrequest path: ${reader.reportsInDatabase} reports in the database; load average ${loadAverage()}`)

  // The home screen's own statements, captured from one request, for the bare server to replay.
  const captureDir = mkdtempSync(join(tmpdir(), 'portal-bench-capture-'))
  const captureFile = join(captureDir, 'home.json')
  await statementsOf(`${base}/api/clients/${reader.clientId}/home`, reader.cookie, { [CAPTURE_HEADER]: captureFile })
  if (!existsSync(captureFile)) throw new Error('the portal runs without bench/statement-probe.ts')

  const barePort = 3990 + Math.floor(Math.random() * 9)
  const bare = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-server.ts'], {
    env: { ...options.env, DATABASE_URL: options.runtimeUrl, PORT: String(barePort), BENCH_REPLAY_FILE: captureFile },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  let bareFigures: Measured
  let replayFigures: Measured
  let homeFigures: Measured
  try {
    await waitUntilReady(`http://127.0.0.1:${barePort}/ready`, bare)
    bareFigures = await measure(`http://127.0.0.1:${barePort}/clients/${reader.clientId}`, connections, seconds)
    replayFigures = await measure(`http://127.0.0.1:${barePort}/replay`, connections, seconds)
    homeFigures = await measure(`${base}/api/clients/${reader.clientId}/home`, connections, seconds, reader.cookie)
  } finally {
    await stop(bare)
    rmSync(captureDir, { recursive: true, force: true })
  }
  printRow(`bare Fastify + pg, one PK SELECT (${connections} conn.)`, bareFigures)
  printRow(`home's own SQL, replayed bare (${connections} conn.)`, replayFigures)
  printRow(`home screen (${connections} conn.)`, homeFigures)
  const ratio = homeFigures.rps / bareFigures.rps
  verdict(`home / bare one-SELECT route`, `${ratio.toFixed(3)}×`, ratio >= HOME_RATIO.atLeast, `≥ ${HOME_RATIO.atLeast}× (aim ${HOME_RATIO.aim}×)`)
  verdict(`home p99 at ${connections} connections`, `${homeFigures.p99} ms`, homeFigures.p99 <= HOME_P99_MS.atMost, `≤ ${HOME_P99_MS.atMost} ms (aim ${HOME_P99_MS.aim} ms)`)
  verdict('home errors and non-2xx', String(homeFigures.errors), homeFigures.errors === 0, '0')
  // Not ceilings of the issue: where the rest goes. The first is what no portal code can beat.
  console.log(`  ${'home\'s own SQL / bare one-SELECT route'.padEnd(42)} ${(replayFigures.rps / bareFigures.rps).toFixed(3)}×`)
  console.log(`  ${'home / its own SQL replayed bare'.padEnd(42)} ${(homeFigures.rps / replayFigures.rps).toFixed(2)}×`)

  console.log('\nSQL statements per request (BEGIN/COMMIT included)')
  for (const { page, path, atMost } of RECORD_PAGE_STATEMENTS) {
    const statements = await statementsOf(`${base}/api/clients/${reader.clientId}/${path}`, reader.cookie)
    // Issue 11: at most 5 for every page but home; the table's own bound where it is tighter.
    const ceiling = path === 'home' ? atMost : Math.min(atMost, 5)
    verdict(page, String(statements), statements <= ceiling, `≤ ${ceiling}`)
  }

  await benchEmbedded(options, reader)
  console.log(`load average at the end: ${loadAverage()}`)
}

/**
 * The embedded default: a portal on PGlite (demo data, a reader like the PostgreSQL one) against
 * the PostgreSQL portal, both at 10 connections, one after the other in this run.
 */
async function benchEmbedded(options: RequestBenchOptions, pgReader: Reader): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-bench-pglite-'))
  const port = 3980 + Math.floor(Math.random() * 9)
  // The embedded default as `npm start` runs it, without the PostgreSQL portal's delivery settings.
  const env: NodeJS.ProcessEnv = { ...options.env, NODE_ENV: 'test', PORT: String(port), EMBEDDED_DATA_DIR: join(dataDir, 'db'), SMS_PROVIDER: 'console' }
  for (const name of ['DATABASE_URL', 'SMTP_URL', 'MAIL_FROM', 'DATA_ENCRYPTION_KEY', 'CM_BASE_URL', 'CM_PRODUCT_TOKEN', 'SMS_SENDER']) delete env[name]
  try {
    // First start: migrates and seeds the demo organisation; then the reader is added offline.
    const first = spawn(process.execPath, PROBED_SERVER_ARGS, { env, stdio: ['ignore', 'ignore', 'inherit'] })
    try {
      // Migrating and seeding PGlite takes a while on a busy machine.
      await waitUntilReady(`http://127.0.0.1:${port}/health/ready`, first, 10)
    } finally {
      await stop(first)
    }
    const pglite = await PGlite.create({ dataDir: join(dataDir, 'db'), extensions: pgliteExtensions })
    const reader = await prepareReader(pglite as unknown as BenchQuerier).finally(() => pglite.close())
    const server = spawn(process.execPath, PROBED_SERVER_ARGS, { env, stdio: ['ignore', 'ignore', 'inherit'] })
    let embedded: Measured
    let postgres: Measured
    try {
      await waitUntilReady(`http://127.0.0.1:${port}/health/ready`, server, 5)
      embedded = await measure(`http://127.0.0.1:${port}/api/clients/${reader.clientId}/home`, EMBEDDED_CONNECTIONS, options.seconds, reader.cookie)
      postgres = await measure(`${options.base}/api/clients/${pgReader.clientId}/home`, EMBEDDED_CONNECTIONS, options.seconds, pgReader.cookie)
    } finally {
      await stop(server)
    }
    console.log('')
    printRow(`home on PGlite (${EMBEDDED_CONNECTIONS} conn.)`, embedded)
    printRow(`home on PostgreSQL (${EMBEDDED_CONNECTIONS} conn.)`, postgres)
    const ratio = embedded.rps / postgres.rps
    verdict('home PGlite / PostgreSQL', `${ratio.toFixed(2)}×`, ratio >= EMBEDDED_RATIO && embedded.errors === 0, `≥ ${EMBEDDED_RATIO}×, 0 errors`)
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function measure(url: string, connections: number, seconds: number, cookie?: string): Promise<Measured> {
  const result = await autocannon({ url, connections, duration: seconds, ...(cookie ? { headers: { cookie } } : {}) })
  // Timeouts count as errors: a request that never answered is not a fast one.
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors + result.timeouts }
}

/** One request alone; the portal's statement probe answers the count in a header. */
async function statementsOf(url: string, cookie: string, headers: Record<string, string> = {}): Promise<number> {
  const res = await fetch(url, { headers: { cookie, ...headers } })
  await res.arrayBuffer()
  if (!res.ok) throw new Error(`${url} answered ${res.status}`)
  const header = res.headers.get(STATEMENTS_HEADER)
  if (header === null) throw new Error('the portal runs without bench/statement-probe.ts')
  return Number(header)
}

function printRow(name: string, m: Measured): void {
  console.log(`${name.padEnd(44)} ${m.rps.toFixed(0).padEnd(8)} req/s  p50 ${String(m.p50).padEnd(5)} ms  p99 ${String(m.p99).padEnd(5)} ms  non-2xx/errors ${m.errors}`)
}

function verdict(name: string, value: string, holds: boolean, ceiling: string): void {
  console.log(`  ${name.padEnd(42)} ${value.padEnd(10)} ceiling ${ceiling.padEnd(24)} ${holds ? 'holds' : 'MISSES'}`)
}

function loadAverage(): string {
  return loadavg().map((n) => n.toFixed(2)).join(' ')
}

async function withPg<T>(url: string, use: (client: BenchQuerier) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await use(client)
  } finally {
    await client.end()
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}
