import { parseArgs } from 'node:util'
import cliProgress from 'cli-progress'
import pino from 'pino'
import { ConfigError, loadConfig } from '../config.ts'
import { loadEncryptionKey } from '../platform/crypto/encryption-key.ts'
import { createFieldCipher } from '../platform/crypto/field-encryption.ts'
import { type OpenDatabase, openDatabase } from '../platform/db/database.ts'
import { migrateToLatest } from '../platform/db/migrate.ts'
import { loggerOptions } from '../platform/logger.ts'
import { DEMO_LOGINS, DEMO_PASSWORD } from './demo-accounts.ts'
import { seedDemoData } from './demo-data.ts'
import { REPORTS_PER_APPOINTMENT, type ScaleProgress, seedScale } from './scale.ts'
import { hasOrganisation } from './seed-on-start.ts'

/**
 * `npm run db:seed` — fills the database the server is configured for (DATABASE_URL, or the
 * embedded database in EMBEDDED_DATA_DIR) with demo data.
 *
 *   npm run db:seed                                      demo data; refuses a database in use
 *   npm run db:seed -- --clients 10000 --reports 1000000  adds bulk data for benchmarks
 *
 * Exit code 0 when done, 1 with a message on stderr otherwise.
 */

const USAGE = `Usage: npm run db:seed [-- --clients N --reports M]

Without options: put the demo data (Zorggroep De Linde, 30 clients, demo logins) in an
empty database. A database that already has an organisation is left alone.

  --clients N   add N extra clients, spread over the demo teams (scale mode)
  --reports M   add M reports spread over those clients, and one appointment per ${REPORTS_PER_APPOINTMENT} reports
  --if-empty    put the demo data in an empty database; leave a database in use alone (exit 0)
  --help        show this text

Scale mode is meant for PostgreSQL (DATABASE_URL). It seeds the demo data first when the
database is empty. Scale clients have no BSN or bank account.`

class UsageError extends Error {}

interface CliOptions {
  clients: number
  reports: number
  scale: boolean
  ifEmpty: boolean
}

function parseCliArguments(argv: string[]): CliOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      clients: { type: 'string' },
      reports: { type: 'string' },
      'if-empty': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  })
  if (values.help) return 'help'
  const clients = parseCount('--clients', values.clients)
  const reports = parseCount('--reports', values.reports)
  if (reports > 0 && clients === 0) throw new UsageError('--reports needs --clients: the reports are spread over the new clients.')
  return { clients, reports, scale: values.clients !== undefined || values.reports !== undefined, ifEmpty: values['if-empty'] === true }
}

function parseCount(flag: string, value: string | undefined): number {
  if (value === undefined) return 0
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new UsageError(`${flag} must be a whole number, not "${value}".`)
  return Number(value)
}

async function run(argv: string[]): Promise<number> {
  let options: CliOptions | 'help'
  try {
    options = parseCliArguments(argv)
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
    return 1
  }
  if (options === 'help') {
    console.log(USAGE)
    return 0
  }

  let config
  try {
    config = loadConfig(process.env)
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      return 1
    }
    throw error
  }
  const log = pino(loggerOptions(config.logLevel))
  let database: OpenDatabase | undefined
  try {
    database = await openDatabase(config.database)
    const cipher = createFieldCipher(loadEncryptionKey(config))
    const applied = await migrateToLatest(database.db)
    if (applied.length > 0) log.info({ migrations: applied }, 'database migrated')
    const target = config.database.kind === 'embedded' ? `embedded database (${config.database.dataDir})` : 'PostgreSQL database'

    const now = new Date()
    const inUse = await hasOrganisation(database.db)
    if (!options.scale && inUse && options.ifEmpty) {
      log.info(`The ${target} already has an organisation: demo data left as it is.`)
      return 0
    }
    if (!options.scale && inUse) {
      console.error(`The ${target} already has an organisation, so it is in use: demo data is only put in an empty database. Nothing was changed.`)
      return 1
    }
    if (!inUse) {
      const started = performance.now()
      const summary = await seedDemoData(database.db, cipher, { now })
      log.info({ ...summary, durationMs: Math.round(performance.now() - started) }, `demo data seeded in the ${target}`)
      log.info(`Demo logins: ${Object.values(DEMO_LOGINS).join(', ')}; password "${DEMO_PASSWORD}"; portal ${config.publicBaseUrl.origin}`)
    }
    if (options.scale) {
      if (database.kind === 'embedded') log.warn('scale mode is meant for PostgreSQL; the embedded database will be slow with large numbers')
      const started = performance.now()
      const summary = await seedScale(database.db, { clients: options.clients, reports: options.reports, now, onProgress: progressBar() })
      log.info({ ...summary, durationMs: Math.round(performance.now() - started) }, `scale data added to the ${target}`)
    }
    return 0
  } catch (error) {
    log.error({ err: error }, `seeding failed: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  } finally {
    await database?.close()
  }
}

/** One progress bar per phase on stderr, so stdout keeps only the log lines. */
function progressBar(): (progress: ScaleProgress) => void {
  let bar: cliProgress.SingleBar | undefined
  let phase: ScaleProgress['phase'] | undefined
  return (progress) => {
    if (progress.total === 0) return
    if (progress.phase !== phase) {
      bar?.stop()
      phase = progress.phase
      bar = new cliProgress.SingleBar(
        { stream: process.stderr, format: `${progress.phase.padEnd(12)} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}` },
        cliProgress.Presets.shades_classic,
      )
      bar.start(progress.total, progress.done)
    }
    bar?.update(progress.done)
    if (progress.done >= progress.total) {
      bar?.stop()
      bar = undefined
    }
  }
}

process.exitCode = await run(process.argv.slice(2))
