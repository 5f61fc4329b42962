import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { LinkedClientList } from '../../../shared/schemas/clients.ts'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { requestSource } from '../../platform/http/request-source.ts'
import { requireSession } from '../../identity/authentication/request-session.ts'
import { listLinkedClients } from './client-access.service.ts'

/** Choosing the client: the account's active links. */
export const clientAccessRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, clock }) => {
  app.get('/api/clients', { schema: { response: { 200: LinkedClientList, 401: ErrorResponse, 403: ErrorResponse } } }, async (request) => ({
    items: await listLinkedClients(db, requireSession(request), requestSource(request), clock()),
  }))
}
