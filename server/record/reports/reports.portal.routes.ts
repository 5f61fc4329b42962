import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ClientIdParams } from '../../../shared/schemas/clients.ts'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import { ReportListQuery, ReportPage } from '../../../shared/schemas/reports.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { contextOf } from '../../platform/http/request-context.ts'
import { listReports } from './reports.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse }

/** "Rapportages" of one client, through the logged-in account's link. */
export const reportPortalRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app) => {
  app.get(
    '/api/clients/:clientId/reports',
    { schema: { params: ClientIdParams, querystring: ReportListQuery, response: { 200: ReportPage, ...errors } } },
    async (request) => listReports(contextOf(request), request.params.clientId, request.query),
  )
}
