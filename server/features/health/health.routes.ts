import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sql } from 'kysely'
import { HealthStatus } from '../../../shared/schemas/health.ts'
import type { AppDeps } from '../../app.ts'

/** Liveness (the process answers) and readiness (the database answers). */
export const healthRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  app.get('/health/live', { schema: { response: { 200: HealthStatus } } }, async () => ({ status: 'ok' as const }))

  app.get('/health/ready', { schema: { response: { 200: HealthStatus, 503: HealthStatus } } }, async (request, reply) => {
    try {
      await sql`select 1`.execute(db)
      return { status: 'ok' as const }
    } catch (error) {
      request.log.warn({ err: error }, 'database not ready')
      return reply.status(503).send({ status: 'unavailable' as const })
    }
  })
}
