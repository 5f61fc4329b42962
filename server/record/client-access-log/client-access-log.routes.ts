import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AccessLogPage, AccessLogQuery } from '../../../shared/schemas/client-access-log.ts'
import { ClientIdParams } from '../../../shared/schemas/clients.ts'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { requestSource } from '../../platform/http/request-source.ts'
import { requireSession } from '../../identity/authentication/request-session.ts'
import { listAccessLog } from './client-access-log.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse }

/** "Wie heeft mijn dossier ingezien?" for one client. */
export const clientAccessLogRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, clock }) => {
  app.get(
    '/api/clients/:clientId/access-log',
    { schema: { params: ClientIdParams, querystring: AccessLogQuery, response: { 200: AccessLogPage, ...errors } } },
    async (request) => listAccessLog(db, requireSession(request), request.params.clientId, request.query, requestSource(request), clock()),
  )
}
