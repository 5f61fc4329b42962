/**
 * `npm run bench`: starts the portal on PostgreSQL in its own process and measures routes
 * with autocannon, all in one run so the figures can be compared with each other (this
 * machine is shared and noisy: compare ratios, not absolute numbers).
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test, a superuser) names the
 * server; the benchmark uses its own database `portal_bench` (or BENCH_DB) there, created and seeded
 * if missing. Like production it migrates as an owner role and serves as a least-privileged runtime
 * role (bench-database.ts): NODE_ENV=production refuses to serve as a superuser.
 */
import { spawn } from 'node:child_process'
import autocannon from 'autocannon'
import pg from 'pg'
import { prepareBenchDatabase, runNode } from './bench-database.ts'
import { hashPassword } from '../server/identity/accounts/password-hash.ts'
import { benchReports } from './reports-bench.ts'
import { benchFhirImport } from './fhir-import-bench.ts'
import { waitUntilReady } from './bench-server.ts'
import { loginRequests } from './bench-session.ts'
import { benchRequestPath, PROBED_SERVER_ARGS } from './request-bench.ts'
import { benchRuntime } from './runtime-bench.ts'
import { benchWeb } from './web-bench.ts'

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
// BENCH_DB picks another database, e.g. one filled by `npm run db:seed -- --clients 10000 --reports 1000000`.
const benchDb = process.env.BENCH_DB ?? 'portal_bench'
const port = 3900 + Math.floor(Math.random() * 90)
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50)
// BENCH_ONLY=request runs only the request-path figures (request-bench.ts); BENCH_ONLY=fhir only the FHIR import (fhir-import-bench.ts);
// BENCH_ONLY=web only the web app's JavaScript and Lighthouse (web-bench.ts, after `npm run build`).
const only = process.env.BENCH_ONLY

interface Scenario {
  name: string
  path: string
}

/** The baseline routes; later features add theirs and compare against these two. */
const scenarios: Scenario[] = [
  { name: 'trivial JSON (GET /health/live)', path: '/health/live' },
  { name: 'one indexed SELECT (GET /api/news)', path: '/api/news' },
]

async function main(): Promise<void> {
  const baseEnv = {
    ...process.env,
    NODE_ENV: 'production',
    // Fictional data only: a fixed key keeps the benchmark database readable between runs.
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 'bench').toString('base64'),
    PUBLIC_BASE_URL: 'https://portaal.example.org',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    // The benchmark is the load balancer: it sends each login from its own address, so the
    // per-address login limit measures nothing here (it is tested in the login tests).
    TRUST_PROXY: '127.0.0.1',
    // Production wants real delivery settings; nothing in the measured routes sends a message,
    // and what the seed queues is never delivered (nothing listens on port 9).
    SMTP_URL: 'smtp://127.0.0.1:9?requireTLS=true',
    MAIL_FROM: 'Benchmark <bench@example.org>',
    SMS_PROVIDER: 'cm',
    CM_BASE_URL: 'http://127.0.0.1:9',
    CM_PRODUCT_TOKEN: '00000000-0000-0000-0000-000000000000',
    SMS_SENDER: 'Bench',
  }
  // Migrated by the owner, which grants the runtime role its privileges; the seed and the
  // benchmarks' own setup queries run as the owner, the server as the runtime role.
  const database = await prepareBenchDatabase(adminUrl, benchDb, baseEnv)
  const databaseUrl = database.ownerUrl
  await runNode('seed', ['--import', 'tsx', 'server/seed/seed-cli.ts', '--if-empty'], { ...baseEnv, DATABASE_URL: database.ownerUrl })
  const env = { ...baseEnv, DATABASE_URL: database.runtimeUrl }
  await prepareLoginAccounts(databaseUrl)
  const server = spawn(process.execPath, PROBED_SERVER_ARGS, { env, stdio: ['ignore', 'inherit', 'inherit'] })
  try {
    await waitUntilReady(`http://127.0.0.1:${port}/health/ready`, server)
    if (only === 'fhir') {
      await benchFhirImport(`http://127.0.0.1:${port}`, databaseUrl)
      return
    }
    if (only === 'web') {
      await benchWeb(`http://127.0.0.1:${port}`, databaseUrl, pad)
      return
    }
    await benchRequestPath({ base: `http://127.0.0.1:${port}`, ownerUrl: database.ownerUrl, runtimeUrl: database.runtimeUrl, connections, seconds, env })
    if (only === 'request') return
    console.log(`\nportal on PostgreSQL, ${connections} connections, ${seconds} s per route\n`)
    console.log(pad('route', 42), pad('req/s', 10), pad('p50 ms', 8), pad('p90 ms', 8), pad('p99 ms', 8), pad('non-2xx', 8))
    for (const scenario of scenarios) {
      const result = await autocannon({ url: `http://127.0.0.1:${port}${scenario.path}`, connections, duration: seconds })
      console.log(
        pad(scenario.name, 42),
        pad(result.requests.average.toFixed(0), 10),
        pad(String(result.latency.p50), 8),
        pad(String(result.latency.p90), 8),
        pad(String(result.latency.p99), 8),
        pad(String(result.non2xx + result.errors), 8),
      )
    }
    await benchReports(`http://127.0.0.1:${port}`, databaseUrl, { connections, seconds }, pad)
    await benchFhirImport(`http://127.0.0.1:${port}`, databaseUrl)
    await benchLogins(port)
    await benchRuntime({ base: `http://127.0.0.1:${port}`, ownerUrl: databaseUrl, serverEnv: env, seconds })
    await benchWeb(`http://127.0.0.1:${port}`, databaseUrl, pad)
  } finally {
    server.kill('SIGTERM')
  }
}

const LOGIN_ACCOUNTS = 500
const LOGIN_PASSWORD = 'bench login passphrase 2026'

/**
 * Accounts to log in with, spread so no account reaches the lockout (ten failures in a
 * row; a right password counts until the second factor completes). Counters are reset
 * before each run.
 */
async function prepareLoginAccounts(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const hash = await hashPassword(LOGIN_PASSWORD)
    await client.query(
      `insert into account (kind, login_name, display_name, email, mobile_phone, password_hash, password_changed_at)
       select 'portal', 'bench.login.' || n, 'Bench ' || n, 'bench' || n || '@example.org', '+31612345678', $1, now()
       from generate_series(1, $2::int) as n
       on conflict do nothing`,
      [hash, LOGIN_ACCOUNTS],
    )
    await client.query(`update account set failed_attempts = 0, throttled_until = null where login_name like 'bench.login.%'`)
    await client.query(`delete from rate_limit`)
  } finally {
    await client.end()
  }
}

/**
 * Logins per second (the password step: argon2id, lockout bookkeeping, access log, a new
 * login attempt; every answer takes at least 400 ms by design).
 */
async function benchLogins(port: number): Promise<void> {
  const base = `http://127.0.0.1:${port}`
  const logins = await autocannon({ url: base, connections, duration: seconds, requests: loginRequests('bench.login.', LOGIN_ACCOUNTS, LOGIN_PASSWORD) })
  console.log(
    pad('login password step (POST /api/session)', 42),
    pad(logins.requests.average.toFixed(0), 10),
    pad(String(logins.latency.p50), 8),
    pad(String(logins.latency.p90), 8),
    pad(String(logins.latency.p99), 8),
    pad(String(logins.non2xx + logins.errors), 8),
  )
  // Issue 11, item 3 (another route's p99 while 50 people log in) is measured by runtime-bench.ts.
}

function pad(text: string, width: number): string {
  return text.padEnd(width)
}

await main()
