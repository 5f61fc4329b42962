import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from '../../config.ts'
import { openDatabase } from '../db/database.ts'
import { type ChainAnchor, describeVerdict, parseAnchor, verifyAccessLogChain } from './access-log-verify.service.ts'

const USAGE = `npm run access-log:verify [-- --anchor <seq>:<hash>]

Recomputes the access log's hash chain and names the first broken row.
--anchor  a "Chain head" line from an earlier run: that row must still be in the chain
          with that hash (finds rows deleted from the end, and a rewritten chain).
Exit code 0: intact. 1: broken, or an error.`

/**
 * `npm run access-log:verify`. Needs only SELECT, so it runs with the runtime role's
 * DATABASE_URL (or a read-only auditor's).
 */
let options: { help: boolean; anchor: ChainAnchor | undefined } | undefined
try {
  const { values } = parseArgs({ options: { anchor: { type: 'string' }, help: { type: 'boolean' } } })
  options = { help: values.help === true, anchor: values.anchor === undefined ? undefined : parseAnchor(values.anchor) }
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
  process.exitCode = 1
}

if (options?.help) process.stdout.write(`${USAGE}\n`)
else if (options) {
  try {
    const config = loadConfig(process.env)
    const database = await openDatabase(config.database)
    try {
      const verdict = await verifyAccessLogChain(database.db, options.anchor ? { anchor: options.anchor } : {})
      process.stdout.write(`${describeVerdict(verdict)}\n`)
      process.exitCode = verdict.intact ? 0 : 1
    } finally {
      await database.close()
    }
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error)
    process.exitCode = 1
  }
}
