import { rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import type { TestProject } from 'vitest/node'
import { kyselyOverPglite } from '../platform/db/database.ts'
import { migrateToLatest } from '../platform/db/migrate.ts'
import { pgliteExtensions } from '../platform/db/pglite-extensions.ts'
import { startLogCheck } from './log-check.ts'

/**
 * Starting PGlite from nothing takes seconds; loading a migrated copy takes about one.
 * So the migrations run once per test run, and each test file starts from that copy.
 * The run's log lines are checked for secrets at the end (server/test/log-check.ts).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const finishLogCheck = startLogCheck(project)
  const pglite = await PGlite.create({ extensions: pgliteExtensions })
  const db = kyselyOverPglite(pglite)
  await migrateToLatest(db)
  await db.destroy()
  const dump = await pglite.dumpDataDir('none')
  await pglite.close()
  const path = join(tmpdir(), `portal-test-template-${process.pid}.tar`)
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()))
  project.provide('embeddedTemplatePath', path)
  return () => {
    rmSync(path, { force: true })
    finishLogCheck()
  }
}
