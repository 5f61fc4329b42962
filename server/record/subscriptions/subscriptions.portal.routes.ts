import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ClientIdParams } from '../../../shared/schemas/clients.ts'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import { SubscriptionList } from '../../../shared/schemas/subscriptions.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { contextOf } from '../../platform/http/request-context.ts'
import { listSubscriptions, subscriptionDoors } from './subscriptions.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse }

/** "Abonnementen" in the portal, through a link with the subscriptions permission. */
export const subscriptionPortalRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app) => {
  app.get(
    '/api/clients/:clientId/subscriptions',
    { schema: { params: ClientIdParams, response: { 200: SubscriptionList, ...errors } } },
    async (request) => ({ items: await listSubscriptions(contextOf(request), subscriptionDoors.portal, request.params.clientId) }),
  )
}
