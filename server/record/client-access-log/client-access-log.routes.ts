import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AccessLogPage, AccessLogQuery } from '../../../shared/schemas/client-access-log.ts'
import { ClientIdParams } from '../../../shared/schemas/clients.ts'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { contextOf } from '../../platform/http/request-context.ts'
import { listAccessLog } from './client-access-log.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse }

/** "Wie heeft mijn dossier ingezien?" for one client. */
export const clientAccessLogRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app) => {
  app.get(
    '/api/clients/:clientId/access-log',
    { schema: { params: ClientIdParams, querystring: AccessLogQuery, response: { 200: AccessLogPage, ...errors } } },
    async (request) => listAccessLog(contextOf(request), request.params.clientId, request.query),
  )
}
