import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Readable } from 'node:stream'
import { Type } from 'typebox'
import { AccessLogExportQuery, AccessLogPage, AccessLogSearchQuery } from '../../../shared/schemas/admin-access-log.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { ADMIN_ERRORS } from '../../identity/staff-access/admin-errors.ts'
import { contextOf } from '../../platform/http/request-context.ts'
import { asAdministrator } from '../as-administrator.ts'
import { exportAccessLog, searchAccessLog } from './access-log-search.service.ts'

/** Administrators: the NEN 7513 access log, searched by client, person, period and action, and exported as CSV. */
export const accessLogSearchRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  app.get('/api/admin/access-log', { schema: { querystring: AccessLogSearchQuery, response: { 200: AccessLogPage, ...ADMIN_ERRORS } } }, async (request) =>
    asAdministrator(request, (admin, source, now) => searchAccessLog(db, admin, request.query, source, now)),
  )

  app.get(
    '/api/admin/access-log/export.csv',
    { schema: { querystring: AccessLogExportQuery, response: { 200: Type.Unsafe<Readable>({ type: 'string', description: 'CSV' }), ...ADMIN_ERRORS } } },
    async (request, reply) => {
      const csv = await asAdministrator(request, (admin, source, now) => exportAccessLog(db, admin, request.query, source, now))
      const day = contextOf(request).now.toISOString().slice(0, 10)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="toegangslog-${day}.csv"`)
        .header('x-content-type-options', 'nosniff')
        .send(csv)
    },
  )
}
