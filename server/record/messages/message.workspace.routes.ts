import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ClientIdParams } from '../../../shared/schemas/clients.ts'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import { MarkMessagesReadRequest, MessageListQuery, SendMessageRequest, UnreadCount } from '../../../shared/schemas/messages.ts'
import { WorkspaceMessage, WorkspaceMessageList } from '../../../shared/schemas/workspace.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { contextOf } from '../../platform/http/request-context.ts'
import { listConversation, markReadAsStaff, replyAsStaff } from './message.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse }
const base = '/api/workspace/clients/:clientId'

/** The same conversation in the caregivers' workspace: every caregiver of the client reads and answers it. */
export const messageWorkspaceRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { config }) => {
  // Notification e-mails link to the portal's front door: no client id, nothing from the record.
  const portalUrl = new URL('/', config.publicBaseUrl).toString()

  app.get(`${base}/messages`, { schema: { params: ClientIdParams, querystring: MessageListQuery, response: { 200: WorkspaceMessageList, ...errors } } },
    async (request) => listConversation(contextOf(request), request.params.clientId, request.query))

  app.post(`${base}/messages`, { schema: { params: ClientIdParams, body: SendMessageRequest, response: { 201: WorkspaceMessage, ...errors } } },
    async (request, reply) => reply.status(201).send(await replyAsStaff(contextOf(request), { clientId: request.params.clientId, body: request.body.body, portalUrl })))

  app.post(`${base}/messages/read`, { schema: { params: ClientIdParams, body: MarkMessagesReadRequest, response: { 200: UnreadCount, ...errors } } },
    async (request) => markReadAsStaff(contextOf(request), { clientId: request.params.clientId, upToMessageId: request.body.upToMessageId }))
}
