import closeWithGrace from 'close-with-grace'
import pino from 'pino'
import { buildApp } from './app.ts'
import { systemClock } from './platform/clock.ts'
import { ConfigError, describeMode, loadConfig, trustProxyWarning } from './config.ts'
import { loadEncryptionKey } from './platform/crypto/encryption-key.ts'
import { createFieldCipher } from './platform/crypto/field-encryption.ts'
import { prepareDatabaseOnStart, StartupRefusal } from './platform/db/database-roles.ts'
import { openDatabase } from './platform/db/database.ts'
import { EmbeddedDatabaseLockedError } from './platform/db/embedded-lock.ts'
import { withOutboxSecrets } from './platform/outbox/outbox-secrets.ts'
import { startOutboxWorker } from './platform/outbox/outbox.worker.ts'
import { queueDueHeartbeats } from './integration/fhir/subscription/fhir-subscription-notify.ts'
import { createTransports } from './platform/outbox/transports/create-transports.ts'
import { loggerOptions } from './platform/logger.ts'
import { seedDemoDataIfEmpty } from './seed/seed-on-start.ts'

/** Start-up: configuration → database → migrations → demo data (embedded) → HTTP. */
async function main(): Promise<void> {
  const config = loadConfigOrExit()
  const log = pino(loggerOptions(config.logLevel))
  // Which mode runs and why: the development mailbox and console SMS text exist only in demo mode.
  log.info({ demoMode: config.demoMode.on }, describeMode(config.demoMode))
  const proxyWarning = trustProxyWarning(config.trustProxy)
  if (proxyWarning) log.warn(proxyWarning)

  const database = await openDatabase(config.database, { log: log.child({ component: 'database' }) }).catch((error: unknown) => {
    if (error instanceof EmbeddedDatabaseLockedError) {
      log.fatal(error.message)
      process.exit(1)
    }
    throw error
  })
  const cipher = createFieldCipher(loadEncryptionKey(config))
  // The handle the app and the outbox worker use carries the key that encrypts e-mail and SMS
  // bodies; outside demo mode a body is erased once delivered.
  const db = withOutboxSecrets(database.db, cipher, { keepDelivered: config.demoMode.on })
  // Migrates (embedded; or as the owner with MIGRATION_DATABASE_URL) and, in production,
  // refuses to serve as a superuser or as the owner of the tables.
  const applied = await prepareDatabaseOnStart(config, database).catch((error: unknown) => {
    if (error instanceof StartupRefusal) {
      log.fatal(error.message)
      process.exit(1)
    }
    throw error
  })
  if (applied.length > 0) log.info({ migrations: applied }, 'database migrated')
  if (database.kind === 'embedded' && config.seedDemoData) {
    await seedDemoDataIfEmpty(database.db, cipher, systemClock(), log, config.publicBaseUrl.origin)
  }

  const app = await buildApp({ config, db, clock: systemClock, cipher })
  // E-mail and SMS queued by the features are delivered from here; several instances share the work.
  const outboxLog = log.child({ component: 'outbox' })
  const transports = createTransports(config, outboxLog, systemClock)
  const outbox = startOutboxWorker({
    db, clock: systemClock, log: outboxLog, transports, pollIntervalMs: config.outboxPollIntervalMs,
    // FHIR subscriptions' heartbeats are queued on the worker's schedule (row locks: once over all instances).
    beforeRound: async (now) => {
      await queueDueHeartbeats(db, now)
    },
  })
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'closing after an error')
    else app.log.info({ signal }, 'closing')
    await outbox.stop()
    await transports.close()
    await app.close()
    await database.close()
  })
  await app.listen({ host: config.host, port: config.port })
  log.info(`Het cliëntportaal draait op ${config.publicBaseUrl.origin} (${database.kind === 'embedded' ? 'ingebouwde database' : 'PostgreSQL'})`)
}

function loadConfigOrExit() {
  try {
    return loadConfig(process.env, { server: true })
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
}

await main()
