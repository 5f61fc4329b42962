/**
 * The ceilings the portal's record pages are measured against: bare Fastify and node-postgres,
 * nothing else (no session, no policy, no access log, no schemas). Started by request-bench.ts
 * with the portal's database URL and pool size.
 *
 * - `GET /clients/:id`: one primary-key SELECT per request, the ceiling.
 * - `GET /replay` (when BENCH_REPLAY_FILE names a capture of statement-probe.ts): the statements
 *   one portal request sent, sent again exactly so (named statements stay named, so they are
 *   prepared per connection as in the portal), one after the other. A multi-row INSERT whose
 *   every value is an array (the access log's) goes by group commit as in the portal: the rows
 *   of every request waiting at that moment in one INSERT. What the page's own SQL costs, without
 *   the portal's code around it.
 */
import { readFileSync } from 'node:fs'
import Fastify from 'fastify'
import pg from 'pg'
import type { CapturedStatement } from './statement-probe.ts'

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) })
const app = Fastify({ logger: false })
app.get<{ Params: { id: string } }>('/clients/:id', async (request) => {
  const { rows } = await pool.query('select id, family_name from client where id = $1', [request.params.id])
  return rows[0] ?? null
})
app.get('/ready', async () => ({ ok: true }))

const replayFile = process.env.BENCH_REPLAY_FILE
if (replayFile) {
  const statements = JSON.parse(readFileSync(replayFile, 'utf8')) as CapturedStatement[]
  if (statements.some((s) => /^\s*(begin|commit|rollback)\b/i.test(s.text))) throw new Error('replay: a capture with a transaction needs one connection for it; not supported')
  const grouped = groupCommit()
  app.get('/replay', async () => {
    let last: unknown
    for (const statement of statements) {
      if (isGroupable(statement)) await grouped(statement)
      else last = (await pool.query(statement.name ? statement : statement.text, statement.name ? undefined : statement.values)).rows
    }
    return last
  })
}

function isGroupable(statement: CapturedStatement): boolean {
  return /^\s*insert\b/i.test(statement.text) && statement.values.length > 0 && statement.values.every(Array.isArray)
}

/** One INSERT at a time; the requests that arrive meanwhile go together into the next (each array value concatenated). */
function groupCommit(): (statement: CapturedStatement) => Promise<void> {
  let waiting: { statement: CapturedStatement; done: (error?: unknown) => void }[] = []
  let running = false
  const flush = async (): Promise<void> => {
    if (running || waiting.length === 0) return
    running = true
    const batch = waiting
    waiting = []
    const first = batch[0]!.statement
    const values = first.values.map((_, i) => batch.flatMap((w) => w.statement.values[i] as unknown[]))
    const error = await pool.query(first.text, values).then(() => undefined, (e: unknown) => e ?? new Error('insert failed'))
    for (const w of batch) w.done(error)
    running = false
    void flush()
  }
  return (statement) => new Promise<void>((resolve, reject) => {
    waiting.push({ statement, done: (error) => (error === undefined ? resolve() : reject(error)) })
    void flush()
  })
}

await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) })
