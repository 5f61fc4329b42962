/**
 * The reports page ("Rapportages") and the home screen under load: a bench account linked to the client with the
 * most reports, logged in by a session made directly in the database (the login itself is
 * measured elsewhere). Prints autocannon figures and a p95 from sequential requests.
 */
import { createHash, randomBytes } from 'node:crypto'
import autocannon from 'autocannon'
import pg from 'pg'

export interface Reader {
  cookie: string
  clientId: string
  reportsOfClient: number
  reportsInDatabase: number
}

export async function benchReports(base: string, databaseUrl: string, options: { connections: number; seconds: number }, pad: (text: string, width: number) => string): Promise<void> {
  const reader = await prepareReportsReader(databaseUrl)
  console.log(`\nreports page: ${reader.reportsInDatabase} reports in the database, ${reader.reportsOfClient} visible for the client read`)
  const pages = [
    { name: 'reports, first page', path: 'reports' },
    { name: 'reports, text search (q=goed)', path: 'reports?q=goed' },
    { name: 'reports, one month (from/to)', path: 'reports?from=2026-01-01&to=2026-01-31' },
    // One request for every card of the home screen, for the same client.
    { name: 'home screen (all cards)', path: 'home' },
  ]
  for (const page of pages) {
    const url = `${base}/api/clients/${reader.clientId}/${page.path}`
    const result = await autocannon({ url, connections: options.connections, duration: options.seconds, headers: { cookie: reader.cookie } })
    const p95 = await sequentialP95(url, reader.cookie, 200)
    console.log(
      pad(page.name, 42),
      pad(result.requests.average.toFixed(0), 10),
      pad(String(result.latency.p50), 8),
      pad(String(result.latency.p90), 8),
      pad(String(result.latency.p99), 8),
      pad(String(result.non2xx + result.errors), 8),
      `p95 alone ${p95.toFixed(1)} ms`,
    )
  }
}

/** Latency of one request at a time, so the figure is the query's, not the queue's. */
async function sequentialP95(url: string, cookie: string, count: number): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < count; i++) {
    const start = performance.now()
    const res = await fetch(url, { headers: { cookie } })
    await res.arrayBuffer()
    if (!res.ok) throw new Error(`${url} answered ${res.status}`)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(count * 0.95)] ?? 0
}

async function prepareReportsReader(databaseUrl: string): Promise<Reader> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return await prepareReader(client)
  } finally {
    await client.end()
  }
}

/** What prepareReader needs of a database: node-postgres' Client and PGlite both have it. */
export interface BenchQuerier {
  query: <R>(text: string, params?: unknown[]) => Promise<{ rows: R[] }>
}

/**
 * A portal account linked to the client with the most visible reports, with its terms accepted
 * and a session made directly in the database: the session cookie the record benchmarks send.
 */
export async function prepareReader(client: BenchQuerier): Promise<Reader> {
  const account = await client.query<{ id: string }>(
    `insert into account (kind, login_name, display_name, email) values ('portal', 'bench.reports', 'Bench Rapportages', 'bench.reports@example.org')
     on conflict (lower(login_name)) do update set blocked_at = null returning id`,
  )
  const accountId = account.rows[0]?.id ?? ''
  const busiest = await client.query<{ client_id: string; n: string }>(
    `select client_id, count(*) as n from report where visible_in_portal group by client_id order by 2 desc limit 1`,
  )
  const clientId = busiest.rows[0]?.client_id ?? ''
  const consent = await client.query<{ id: string }>(
    `insert into consent (client_id, given_by, given_by_name, given_on, scope) values ($1, 'client', 'Bench', '2000-01-01', 'bench') returning id`,
    [clientId],
  )
  await client.query(
    `insert into client_link (account_id, client_id, consent_id, relation, activated_at)
     select $1, $2, $3, 'self', '2000-01-01' where not exists
       (select 1 from client_link where account_id = $1 and client_id = $2 and ended_at is null)`,
    [accountId, clientId, consent.rows[0]?.id],
  )
  await client.query(`insert into terms_acceptance (account_id, terms_version_id) select $1, id from terms_version on conflict do nothing`, [accountId])
  const token = randomBytes(32).toString('base64url')
  // A way in every login policy accepts (an authenticator app), so the record is readable under any.
  await client.query(
    `insert into session (token_hash, account_id, expires_at, csrf_token, authenticated_at, second_factor)
     values ($1, $2, now() + interval '2 hours', $3, now(), 'totp')`,
    [createHash('sha256').update(token).digest(), accountId, randomBytes(16).toString('hex')],
  )
  const total = await client.query<{ n: string }>(`select count(*) as n from report`)
  return { cookie: `__Host-portal_session=${token}`, clientId, reportsOfClient: Number(busiest.rows[0]?.n ?? 0), reportsInDatabase: Number(total.rows[0]?.n ?? 0) }
}
