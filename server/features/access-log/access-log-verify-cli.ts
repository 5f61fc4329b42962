import { ConfigError, loadConfig } from '../../config.ts'
import { openDatabase } from '../../db/database.ts'
import { describeVerdict, verifyAccessLogChain } from './access-log-verify.service.ts'

/**
 * `npm run access-log:verify`: recomputes the access log's hash chain and names the first
 * broken row. Exit code 0 when intact, 1 when broken or on an error. Needs only SELECT, so it
 * runs with the runtime role's DATABASE_URL (or a read-only auditor's).
 */
try {
  const config = loadConfig(process.env)
  const database = await openDatabase(config.database)
  try {
    const verdict = await verifyAccessLogChain(database.db)
    process.stdout.write(`${describeVerdict(verdict)}\n`)
    process.exitCode = verdict.intact ? 0 : 1
  } finally {
    await database.close()
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exitCode = 1
}
