import { setTimeout as sleep } from 'node:timers/promises'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sql } from 'kysely'
import { HealthStatus } from '../../../shared/schemas/health.ts'
import type { AppDeps } from '../app-deps.ts'
import { describeConnectionError, RETRY_AFTER_SECONDS } from '../db/connection-errors.ts'

/**
 * A load balancer's probe gives up after a few seconds; a database that does not answer within
 * this time (a failover in progress, a cut network) counts as not ready rather than hanging the probe.
 */
export const READY_TIMEOUT_MS = 3_000

/**
 * Liveness (the process answers; stays 200 while PostgreSQL is away, so an orchestrator does
 * not restart healthy instances during a database restart) and readiness (the database answers).
 */
export const healthRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  app.get('/health/live', { schema: { response: { 200: HealthStatus } } }, async () => ({ status: 'ok' as const }))

  app.get('/health/ready', { schema: { response: { 200: HealthStatus, 503: HealthStatus } } }, async (request, reply) => {
    const giveUp = new AbortController()
    try {
      await Promise.race([
        sql`select 1`.execute(db),
        sleep(READY_TIMEOUT_MS, undefined, { signal: giveUp.signal }).then(() => {
          throw new Error(`no answer within ${READY_TIMEOUT_MS} ms`)
        }),
      ])
      return { status: 'ok' as const }
    } catch (error) {
      request.log.warn({ reason: describeConnectionError(error) }, 'database not ready')
      return reply.status(503).header('retry-after', String(RETRY_AFTER_SECONDS)).send({ status: 'unavailable' as const })
    } finally {
      giveUp.abort()
    }
  })
}
