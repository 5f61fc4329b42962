import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  Grant, GrantList, GrantParams, GrantPermissionsRequest, InvitationAccepted, InvitationInfo, InvitationRegistered, InvitationRegisterRequest,
  InvitationTokenRequest, NewInvitationRequest,
} from '../../../shared/schemas/access-grants.ts'
import { ClientIdParams } from '../../../shared/schemas/clients.ts'
import { EmptyBody, ErrorResponse } from '../../../shared/schemas/common.ts'
import { Type } from 'typebox'
import type { AppDeps } from '../../platform/app-deps.ts'
import { contextOf, publicContextOf } from '../../platform/http/request-context.ts'
import { sendDownload } from '../../platform/http/download.ts'
import { amsterdamDate } from '../../platform/amsterdam-time.ts'
import { consentReceiptPdf } from './consent-receipt.ts'
import { changeGrantPermissions, endGrant, inviteSomeone, listGrants } from './access-grants.service.ts'
import { acceptInvitation, describeInvitation, registerFromInvitation } from './access-invitations.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 429: ErrorResponse }

/**
 * "Iemand toegang geven" under /api/clients (so the login-policy gate applies to the granter),
 * and the invited person's side under /api/access-invitations.
 */
export const accessGrantRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { config }) => {
  app.get(
    '/api/clients/:clientId/access-grants',
    { schema: { params: ClientIdParams, response: { 200: GrantList, ...errors } } },
    async (request) => listGrants(contextOf(request), request.params.clientId),
  )

  app.post(
    '/api/clients/:clientId/access-grants',
    { schema: { params: ClientIdParams, body: NewInvitationRequest, response: { 201: Type.Object({ id: Type.String({ format: 'uuid' }) }), ...errors } } },
    async (request, reply) => {
      reply.code(201)
      return inviteSomeone(contextOf(request), config, request.params.clientId, request.body)
    },
  )

  app.put(
    '/api/clients/:clientId/access-grants/:grantId/permissions',
    { schema: { params: GrantParams, body: GrantPermissionsRequest, response: { 200: Grant, ...errors } } },
    async (request) => changeGrantPermissions(contextOf(request), request.params, request.body.permissions),
  )

  app.post(
    '/api/clients/:clientId/access-grants/:grantId/end',
    { schema: { params: GrantParams, body: EmptyBody, response: { 200: Grant, ...errors } } },
    async (request) => endGrant(contextOf(request), request.params),
  )

  app.get(
    '/api/clients/:clientId/access-grants/:grantId/receipt.pdf',
    { schema: { params: GrantParams, response: { 200: Type.Unsafe<Buffer>({ type: 'string', description: 'application/pdf' }), ...errors } } },
    async (request, reply) => {
      const context = contextOf(request)
      const pdf = await consentReceiptPdf(context, request.params)
      return sendDownload(reply, pdf, 'application/pdf', `bewijs-van-toestemming-${amsterdamDate(context.now)}.pdf`)
    },
  )

  app.post(
    '/api/access-invitations/describe',
    { config: { access: 'public' }, schema: { body: InvitationTokenRequest, response: { 200: InvitationInfo, ...errors } } },
    async (request) => describeInvitation(publicContextOf(request).db, request.body.token, publicContextOf(request).now),
  )

  app.post(
    '/api/access-invitations/accept',
    { schema: { body: InvitationTokenRequest, response: { 200: InvitationAccepted, ...errors } } },
    async (request) => acceptInvitation(contextOf(request), request.body.token),
  )

  app.post(
    '/api/access-invitations/register',
    { config: { access: 'public' }, schema: { body: InvitationRegisterRequest, response: { 201: InvitationRegistered, ...errors } } },
    async (request, reply) => {
      const { db, source, now } = publicContextOf(request)
      reply.code(201)
      return registerFromInvitation(db, config, request.body.token, request.body.loginName, source, now)
    },
  )
}
