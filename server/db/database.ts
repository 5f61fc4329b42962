import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Config } from '../config.ts'
import { acquireEmbeddedLock } from './embedded-lock.ts'
import { pgliteExtensions } from './pglite-extensions.ts'
import type { Database } from './schema.ts'

// A DATE column is a calendar day, not an instant: keep it as 'YYYY-MM-DD' so no time zone shifts it.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value)

export type Db = Kysely<Database>

export interface OpenDatabase {
  db: Db
  kind: 'postgres' | 'embedded'
  /** Closes the pool (and the embedded database and its lock). */
  close: () => Promise<void>
}

/**
 * Opens PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite database,
 * both through Kysely's PostgreSQL dialect: one SQL dialect, one set of migrations.
 *
 * PGlite is a single connection. Inside a transaction always use the transaction object,
 * never the outer `db`: the outer one waits for the connection the transaction holds.
 */
export async function openDatabase(database: Config['database']): Promise<OpenDatabase> {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: database.poolSize })
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { db, kind: 'postgres', close: () => db.destroy() }
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

/** Kysely on an embedded database, through PGlite's node-postgres adapter (one connection). */
export function kyselyOverPglite(pglite: PGlite): Db {
  const pool = new pg.Pool(createPgConfig(pglite))
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}
