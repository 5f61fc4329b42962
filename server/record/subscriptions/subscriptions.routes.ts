import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ClientIdParams } from '../../../shared/schemas/clients.ts'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import { SubscriptionList } from '../../../shared/schemas/subscriptions.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { requestSource } from '../../platform/http/request-source.ts'
import { requireSession } from '../../identity/authentication/request-session.ts'
import { listSubscriptions } from './subscriptions.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse }

export const subscriptionRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, clock }) => {
  app.get(
    '/api/clients/:clientId/subscriptions',
    { schema: { params: ClientIdParams, response: { 200: SubscriptionList, ...errors } } },
    async (request) => ({ items: await listSubscriptions(db, requireSession(request), request.params.clientId, requestSource(request), clock()) }),
  )
}
