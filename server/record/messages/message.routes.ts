import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ClientIdParams } from '../../../shared/schemas/clients.ts'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import { MarkMessagesReadRequest, Message, MessageList, MessageListQuery, SendMessageRequest, UnreadCount } from '../../../shared/schemas/messages.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { requestSource } from '../../platform/http/request-source.ts'
import { requireSession } from '../../identity/authentication/request-session.ts'
import { listMessages, markMessagesRead, sendMessage } from './message.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse }

/** "Berichten": the conversation between the client's linked accounts and the care team. */
export const messageRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, clock, config }) => {
  // The e-mail links to the portal's front door: no client id, no token, nothing from the record.
  const portalUrl = new URL('/', config.publicBaseUrl).toString()

  app.get(
    '/api/clients/:clientId/messages',
    { schema: { params: ClientIdParams, querystring: MessageListQuery, response: { 200: MessageList, ...errors } } },
    async (request) => listMessages(db, requireSession(request), request.params.clientId, request.query, requestSource(request), clock()),
  )

  app.post(
    '/api/clients/:clientId/messages',
    { schema: { params: ClientIdParams, body: SendMessageRequest, response: { 201: Message, ...errors } } },
    async (request, reply) => {
      const message = await sendMessage(db, requireSession(request), { clientId: request.params.clientId, body: request.body.body, portalUrl }, requestSource(request), clock())
      return reply.status(201).send(message)
    },
  )

  app.post(
    '/api/clients/:clientId/messages/read',
    { schema: { params: ClientIdParams, body: MarkMessagesReadRequest, response: { 200: UnreadCount, ...errors } } },
    async (request) => markMessagesRead(db, requireSession(request), { clientId: request.params.clientId, upToMessageId: request.body.upToMessageId }, requestSource(request), clock()),
  )
}
