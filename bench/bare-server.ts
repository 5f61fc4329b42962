/**
 * The ceiling the portal's record pages are measured against: bare Fastify and node-postgres,
 * one primary-key SELECT per request, nothing else (no session, no policy, no access log, no
 * schemas). Started by request-bench.ts with the portal's database URL and pool size.
 */
import Fastify from 'fastify'
import pg from 'pg'

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) })
const app = Fastify({ logger: false })
app.get<{ Params: { id: string } }>('/clients/:id', async (request) => {
  const { rows } = await pool.query('select id, family_name from client where id = $1', [request.params.id])
  return rows[0] ?? null
})
app.get('/ready', async () => ({ ok: true }))
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) })
