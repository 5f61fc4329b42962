import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ClientIdParams } from '../../../shared/schemas/clients.ts'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import { MarkMessagesReadRequest, Message, MessageList, MessageListQuery, SendMessageRequest, UnreadCount } from '../../../shared/schemas/messages.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { contextOf } from '../../platform/http/request-context.ts'
import { listMessages, markMessagesRead, sendMessage } from './message.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse }

/** "Berichten" in the portal: the conversation between the client's linked accounts and the care team, through a link with the messages permission. */
export const messagePortalRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { config }) => {
  // The e-mail links to the portal's front door: no client id, no token, nothing from the record.
  const portalUrl = new URL('/', config.publicBaseUrl).toString()

  app.get(
    '/api/clients/:clientId/messages',
    { schema: { params: ClientIdParams, querystring: MessageListQuery, response: { 200: MessageList, ...errors } } },
    async (request) => listMessages(contextOf(request), request.params.clientId, request.query),
  )

  app.post(
    '/api/clients/:clientId/messages',
    { schema: { params: ClientIdParams, body: SendMessageRequest, response: { 201: Message, ...errors } } },
    async (request, reply) => {
      const message = await sendMessage(contextOf(request), { clientId: request.params.clientId, body: request.body.body, portalUrl })
      return reply.status(201).send(message)
    },
  )

  app.post(
    '/api/clients/:clientId/messages/read',
    { schema: { params: ClientIdParams, body: MarkMessagesReadRequest, response: { 200: UnreadCount, ...errors } } },
    async (request) => markMessagesRead(contextOf(request), { clientId: request.params.clientId, upToMessageId: request.body.upToMessageId }),
  )
}
