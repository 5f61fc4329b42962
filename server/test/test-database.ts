import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { inject } from 'vitest'
import type { Config } from '../config.ts'
import { kyselyOverPglite, type OpenDatabase, openDatabase } from '../platform/db/database.ts'
import { pgliteExtensions } from '../platform/db/pglite-extensions.ts'
import { withAdmin } from './postgres.global-setup.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tarball of a freshly migrated embedded database (server/test/global-setup.ts). */
    embeddedTemplatePath: string
  }
}

/**
 * A fresh, migrated database for one test file: an in-memory embedded database, or
 * (TEST_DB=postgres) a new database on the server of TEST_DATABASE_URL, dropped afterwards.
 */
export async function createTestDatabase(): Promise<OpenDatabase & { config: Config['database'] }> {
  if (process.env.TEST_DB !== 'postgres') {
    const template = new Blob([readFileSync(inject('embeddedTemplatePath'))])
    const pglite = await PGlite.create({ loadDataDir: template, extensions: pgliteExtensions })
    const db = kyselyOverPglite(pglite)
    const close = async () => {
      await db.destroy()
      await pglite.close()
    }
    return { db, kind: 'embedded', close, config: { kind: 'embedded', dataDir: 'memory://' } }
  }

  const adminUrl = process.env.TEST_DATABASE_URL
  if (!adminUrl) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL')
  const name = `portal_test_${randomBytes(6).toString('hex')}`
  // A copy of the run's migrated template (server/test/postgres.global-setup.ts).
  const template = inject('postgresTemplateDatabase')
  await withAdmin(adminUrl, (admin) => admin.query(`create database ${name} template ${template}`))
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const config: Config['database'] = { kind: 'postgres', url: url.toString(), poolSize: 5 }
  const database = await openDatabase(config)
  return {
    ...database,
    config,
    close: async () => {
      await database.close()
      await withAdmin(adminUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`))
    },
  }
}

