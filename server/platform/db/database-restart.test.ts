import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERROR_MESSAGES } from '../../../shared/error-messages.ts'
import { systemClock } from '../clock.ts'
import { captureLog, recordingTransports } from '../outbox/outbox.test-support.ts'
import { MAX_OUTAGE_POLL_MS, type OutboxWorker, startOutboxWorker } from '../outbox/outbox.worker.ts'
import { SESSION_COOKIE } from '../../identity/authentication/session.service.ts'
import { createAccount } from '../../test/factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { openDatabase } from './database.ts'
import { migrateToLatest } from './migrate.ts'
import { createPostgresCluster, findPostgresBinaries, type PostgresCluster } from './postgres-cluster.test-support.ts'

/**
 * Runs once per test run, in the PostgreSQL project (not again on the embedded database): it
 * makes, stops and starts its own cluster, so it needs PostgreSQL's binaries, not TEST_DATABASE_URL.
 */
const onPostgresProject = process.env.TEST_DB === 'postgres'
const binDir = onPostgresProject ? findPostgresBinaries() : undefined
if (onPostgresProject && !binDir) {
  console.error('database-restart.test.ts skipped: no initdb/pg_ctl found (install PostgreSQL, e.g. apt-get install postgresql)')
}

/** How soon after PostgreSQL is back the API must answer again (measured: well under a second). */
const RECOVERY_LIMIT_MS = 5_000
const PASSWORD_IN_URL = 'not-in-any-log-7f3a'

let cluster: PostgresCluster | undefined
let t: TestApp | undefined
let worker: OutboxWorker | undefined
const databaseLog = captureLog()
const outboxLog = captureLog()
const delivered = recordingTransports()

describe.runIf(onPostgresProject && binDir)('security property 35: a PostgreSQL restart (pg_ctl stop -m immediate) does not end the server', () => {
  beforeAll(async () => {
    cluster = await createPostgresCluster(binDir!)
    cluster.start()
    const admin = new pg.Client({ connectionString: cluster.url() })
    await admin.connect()
    await admin.query('create database portal')
    await admin.end()

    // Trust authentication ignores the password; it is there to prove no log line repeats the URL.
    const url = new URL(cluster.url('portal'))
    url.password = PASSWORD_IN_URL
    const config = { kind: 'postgres' as const, url: url.toString(), poolSize: 5 }
    const database = await openDatabase(config, { log: databaseLog.log })
    await migrateToLatest(database.db)
    t = await createTestApp({ database: { ...database, config } })
    // As server/main.ts runs it, polling often so the test is quick.
    worker = startOutboxWorker({ db: t.db, clock: systemClock, log: outboxLog.log, transports: delivered.transports, pollIntervalMs: 100 })
  }, 60_000)

  afterAll(async () => {
    await worker?.stop()
    await t?.close()
    cluster?.remove()
  })

  it('answers 503 with Retry-After and a Dutch message while PostgreSQL is down, stays live, and recovers by itself, outbox included', async () => {
    const { app, db, logs: appLogs } = t!
    const account = await createAccount(db)
    const organisation = () => app.inject({ method: 'GET', url: '/api/organisation' })
    // With a session cookie the authentication hook asks the database before any handler runs.
    const withSession = () => app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `${SESSION_COOKIE}=${randomBytes(32).toString('base64url')}` } })
    const forgot = () =>
      app.inject({ method: 'POST', url: '/api/password/forgot', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ loginName: account.login_name }) })

    expect((await organisation()).statusCode).toBe(200)
    // An idle pool with several connections open: these are what emit 'error' when PostgreSQL goes.
    await Promise.all(Array.from({ length: 5 }, () => sql`select pg_sleep(0.05)`.execute(db)))
    // And one connection checked out (a transaction in progress) when it goes.
    let releaseHeld: () => void = () => {}
    const held = db.connection().execute(async (connection) => {
      await sql`select 1`.execute(connection)
      await new Promise<void>((resolve) => {
        releaseHeld = resolve
      })
      await sql`select 1`.execute(connection)
    })
    const heldOutcome = held.then(
      () => 'completed',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    )
    await new Promise((resolve) => setTimeout(resolve, 50))

    cluster!.stopImmediately()
    // Give node-postgres time to notice every closed socket (the old code ended the process here).
    await new Promise((resolve) => setTimeout(resolve, 300))
    releaseHeld()
    expect(await heldOutcome).not.toBe('completed')

    for (const response of [await organisation(), await withSession(), await forgot()]) {
      expect(response.statusCode, response.body).toBe(503)
      expect(response.headers['retry-after']).toBe('5')
      expect(response.json()).toEqual({ error: { code: 'database_unavailable', message: ERROR_MESSAGES.database_unavailable.nl } })
    }
    const english = await app.inject({ method: 'GET', url: '/api/organisation', headers: { 'accept-language': 'en' } })
    expect(english.json<{ error: { message: string } }>().error.message).toBe(ERROR_MESSAGES.database_unavailable.en)
    const ready = await app.inject({ method: 'GET', url: '/health/ready' })
    expect(ready.statusCode).toBe(503)
    expect(ready.headers['retry-after']).toBe('5')
    expect((await app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200)
    // Let the outbox worker fail a few polls in a row.
    await new Promise((resolve) => setTimeout(resolve, 700))

    cluster!.start()
    const backAt = performance.now()
    let recoveredAfterMs = -1
    while (performance.now() - backAt < RECOVERY_LIMIT_MS) {
      if ((await organisation()).statusCode === 200) {
        recoveredAfterMs = Math.round(performance.now() - backAt)
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    process.stdout.write(`security property 35: first 200 ${recoveredAfterMs} ms after PostgreSQL accepted connections again\n`)
    expect(recoveredAfterMs).toBeGreaterThanOrEqual(0)
    expect((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200)
    // The session lookup works again: an unknown token is simply not logged in.
    expect((await withSession()).statusCode).toBe(401)

    // The outbox worker kept polling through the outage: a message queued now goes out.
    const again = await forgot()
    expect(again.statusCode, again.body).toBe(202)
    const queuedAt = performance.now()
    // The worker may be in its longest pause between polls (MAX_OUTAGE_POLL_MS) just then.
    while (delivered.emails.length === 0 && performance.now() - queuedAt < RECOVERY_LIMIT_MS + MAX_OUTAGE_POLL_MS) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(delivered.emails.map((mail) => mail.to), outboxLog.lines.join('')).toEqual([account.email])
    process.stdout.write(`security property 35: outbox delivered ${Math.round(performance.now() - queuedAt)} ms after the message was queued\n`)

    // Said once per outage, not once per request or poll; nothing that could hold the password.
    // (Stopping the worker first lets the round that delivered finish and log.)
    await worker!.stop()
    const lost = databaseLog.lines.filter((line) => line.includes('connection lost'))
    expect(lost).toHaveLength(1)
    expect(databaseLog.lines.filter((line) => line.includes('connected again'))).toHaveLength(1)
    expect(outboxLog.lines.filter((line) => line.includes('"level":50'))).toHaveLength(1)
    expect(outboxLog.lines.some((line) => line.includes('delivering again'))).toBe(true)
    expect([...databaseLog.lines, ...outboxLog.lines, ...appLogs].some((line) => line.includes(PASSWORD_IN_URL))).toBe(false)
  })
})
