import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { LinkedClientList } from '../../../shared/schemas/clients.ts'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { contextOf } from '../../platform/http/request-context.ts'
import { listLinkedClients } from './client-access.service.ts'

/** Choosing the client: the account's active links. */
export const clientAccessRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app) => {
  app.get('/api/clients', { schema: { response: { 200: LinkedClientList, 401: ErrorResponse, 403: ErrorResponse } } }, async (request) => ({
    items: await listLinkedClients(contextOf(request)),
  }))
}
