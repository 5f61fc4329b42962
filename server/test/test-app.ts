import { randomBytes } from 'node:crypto'
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../app.ts'
import type { Clock } from '../platform/clock.ts'
import { loadConfig } from '../config.ts'
import { createFieldCipher, type FieldCipher } from '../platform/crypto/field-encryption.ts'
import type { Db } from '../platform/db/database.ts'
import { withOutboxSecrets } from '../platform/outbox/outbox-secrets.ts'
import { captureLogLine } from './log-capture.ts'
import { createTestDatabase } from './test-database.ts'

/** Every log line the test apps of this worker wrote; all workers' lines also go to the run's log check. */
export const capturedLogLines: string[] = []

export interface TestApp {
  app: FastifyInstance
  db: Db
  cipher: FieldCipher
  /** Moves the injected clock. */
  setNow: (date: Date) => void
  logs: string[]
  close: () => Promise<void>
}

/** The real application on a fresh, migrated database; requests go through `app.inject`. */
export async function createTestApp(
  options: {
    env?: Record<string, string>
    now?: Date
    /** Routes only a test needs (e.g. a probe with the default `full` access), added before start. */
    extraRoutes?: (app: FastifyInstance) => void
    /** A database of the test's own (e.g. on a PostgreSQL cluster the test stops and starts); closed with the app. */
    database?: Awaited<ReturnType<typeof createTestDatabase>>
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase())
  let now = options.now ?? new Date()
  const clock: Clock = () => new Date(now)
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', WEB_DIST_DIR: './web/dist', ...options.env })
  const cipher = createFieldCipher(randomBytes(32))
  // As server/main.ts does: the handle carries the key the outbox encrypts bodies with.
  const db = withOutboxSecrets(database.db, cipher, { keepDelivered: config.demoMode.on })
  const logs: string[] = []
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const line = chunk.toString('utf8')
      logs.push(line)
      capturedLogLines.push(line)
      captureLogLine(line)
      done()
    },
  })
  const app = await buildApp({ config: { ...config, database: database.config }, db, clock, cipher, logStream })
  options.extraRoutes?.(app)
  await app.ready()
  return {
    app,
    db,
    cipher,
    setNow: (date) => {
      now = date
    },
    logs,
    close: async () => {
      await app.close()
      await database.close()
    },
  }
}
