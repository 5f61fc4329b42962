import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ClientIdParams } from '../../../shared/schemas/clients.ts'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import { HomeOverview } from '../../../shared/schemas/home.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { contextOf } from '../../platform/http/request-context.ts'
import { getHomeOverview } from './home.service.ts'

/** "Home": every card of the chosen client in one request. */
export const homeRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app) => {
  app.get(
    '/api/clients/:clientId/home',
    { schema: { params: ClientIdParams, response: { 200: HomeOverview, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse } } },
    async (request) => getHomeOverview(contextOf(request), request.params.clientId),
  )
}
