import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import { Kysely } from 'kysely'
import pg from 'pg'
import type { Logger } from 'pino'
import type { Config } from '../../config.ts'
import { describeConnectionError } from './connection-errors.ts'
import { acquireEmbeddedLock } from './embedded-lock.ts'
import { pgliteExtensions } from './pglite-extensions.ts'
import { prepareRepeatedStatements } from './prepared-statements.ts'
import { LiteralLimitsPostgresDialect } from './literal-limits.ts'
import type { Database } from './schema.ts'
import { countStatement } from './statement-count.ts'

// A DATE column is a calendar day, not an instant: keep it as 'YYYY-MM-DD' so no time zone shifts it.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value)

export type Db = Kysely<Database>

export interface OpenDatabase {
  db: Db
  kind: 'postgres' | 'embedded'
  /** Closes the pool (and the embedded database and its lock). */
  close: () => Promise<void>
  /** PostgreSQL: the pool's connections and waiting requests, for /metrics. */
  poolStats?: () => { total: number; idle: number; waiting: number }
}

/**
 * Opens PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite database,
 * both through Kysely's PostgreSQL dialect: one SQL dialect, one set of migrations.
 *
 * PGlite is a single connection. Inside a transaction always use the transaction object,
 * never the outer `db`: the outer one waits for the connection the transaction holds.
 */
export async function openDatabase(database: Config['database'], options: { log?: DatabaseLog } = {}): Promise<OpenDatabase> {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: database.url,
      max: database.poolSize,
      // A server that is gone without a word (failover, cut network) is noticed, and a request
      // waits at most this long for a connection before it is answered 503, instead of hanging.
      keepAlive: true,
      connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
    })
    survivePostgresRestarts(pool, options.log ?? silentLog)
    const db = kyselyOverPool(pool)
    const poolStats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount })
    return { db, kind: 'postgres', close: () => db.destroy(), poolStats }
  }

  const inMemory = database.dataDir.startsWith('memory://')
  let releaseLock = () => {}
  if (!inMemory) {
    const dataDir = resolve(database.dataDir)
    mkdirSync(dirname(dataDir), { recursive: true })
    releaseLock = acquireEmbeddedLock(`${dataDir}.lock`)
  }
  try {
    const pglite = await PGlite.create({ ...(inMemory ? {} : { dataDir: resolve(database.dataDir) }), extensions: pgliteExtensions })
    const db = kyselyOverPglite(pglite)
    return {
      db,
      kind: 'embedded',
      close: async () => {
        await db.destroy()
        await pglite.close()
        releaseLock()
      },
    }
  } catch (error) {
    releaseLock()
    throw error
  }
}

/** How long a request waits for a pooled connection (also while PostgreSQL is away). */
export const CONNECTION_TIMEOUT_MS = 10_000

export type DatabaseLog = Pick<Logger, 'warn' | 'info'>
const silentLog: DatabaseLog = { warn: () => {}, info: () => {} }

/**
 * node-postgres emits 'error' on a client whose connection dies (PostgreSQL restarting, a
 * failover, `pg_ctl stop -m immediate` even with no traffic): on the pool for an idle client,
 * on the client itself while it is checked out. An 'error' event nobody listens to ends the
 * process, so every instance would go down with the database. Listening is all it takes:
 * the broken client is dropped by the pool, the query in flight rejects (answered 503 by the
 * error handler), and the next request connects afresh once PostgreSQL is back.
 * Logged once per outage, with the error's name and code only (never the connection string).
 */
export function survivePostgresRestarts(pool: pg.Pool, log: DatabaseLog): void {
  let lost = false
  const onConnectionError = (error: unknown) => {
    if (lost) return
    lost = true
    log.warn({ reason: describeConnectionError(error) }, 'database: connection lost; requests are answered 503 until PostgreSQL is back')
  }
  pool.on('error', onConnectionError)
  pool.on('connect', (client) => {
    client.on('error', onConnectionError)
    if (lost) {
      lost = false
      log.info('database: connected again')
    }
  })
}

/** Kysely on an embedded database, through PGlite's node-postgres adapter (one connection). */
export function kyselyOverPglite(pglite: PGlite): Db {
  return kyselyOverPool(new pg.Pool(createPgConfig(pglite)))
}

/**
 * Kysely over a node-postgres pool, the same for PostgreSQL and PGlite: statements counted per
 * request, repeated ones prepared per connection, limits written into the text.
 */
function kyselyOverPool(pool: pg.Pool): Db {
  prepareRepeatedStatements(pool)
  return new Kysely<Database>({ dialect: new LiteralLimitsPostgresDialect({ pool }), log: countStatement })
}
