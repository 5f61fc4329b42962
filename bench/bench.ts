/**
 * `npm run bench`: starts the portal on PostgreSQL in its own process and measures routes
 * with autocannon, all in one run so the figures can be compared with each other (this
 * machine is shared and noisy: compare ratios, not absolute numbers).
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) names the server;
 * the benchmark uses its own database `portal_bench` there, created and seeded if missing.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import autocannon from 'autocannon'
import pg from 'pg'

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const benchDb = 'portal_bench'
const port = 3900 + Math.floor(Math.random() * 90)
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50)

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
  const databaseUrl = await ensureDatabase()
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    // Fictional data only: a fixed key keeps the benchmark database readable between runs.
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 'bench').toString('base64'),
    PUBLIC_BASE_URL: 'https://portaal.example.org',
    PORT: String(port),
    LOG_LEVEL: 'warn',
  }
  await run('seed', ['--import', 'tsx', 'server/seed/seed-cli.ts', '--if-empty'], env)
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'inherit', 'inherit'] })
  try {
    await waitUntilReady(`http://127.0.0.1:${port}/health/ready`, server)
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
  } finally {
    server.kill('SIGTERM')
  }
}

async function ensureDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [benchDb])
    if (exists.rowCount === 0) await admin.query(`create database ${benchDb}`)
  } finally {
    await admin.end()
  }
  const url = new URL(adminUrl)
  url.pathname = `/${benchDb}`
  return url.toString()
}

function run(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: 'inherit' })
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} exited with ${code}`))))
  })
}

async function waitUntilReady(url: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error('the server stopped before it was ready')
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('the server did not become ready within a minute')
}

function pad(text: string, width: number): string {
  return text.padEnd(width)
}

await main()
