import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CareTeamToday, ClientProfile, RevealedBsn } from '../../../shared/schemas/client-profile.ts'
import { ClientIdParams } from '../../../shared/schemas/clients.ts'
import { EmptyBody, ErrorResponse } from '../../../shared/schemas/common.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { contextOf } from '../../platform/http/request-context.ts'
import { getCareTeamToday, getClientProfile, profileDoors, revealBsn } from './client-profile.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse }

/** "Profiel", "Volledig profiel", the BSN on request, and who has access today. */
export const clientProfilePortalRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { cipher }) => {
  app.get(
    '/api/clients/:clientId/profile',
    { schema: { params: ClientIdParams, response: { 200: ClientProfile, ...errors } } },
    async (request) => getClientProfile(contextOf(request), profileDoors.portal, cipher, request.params.clientId),
  )

  // A POST, not a GET: showing the BSN is a deliberate act (CSRF-protected, never prefetched or cached).
  app.post(
    '/api/clients/:clientId/profile/bsn',
    { schema: { params: ClientIdParams, body: EmptyBody, response: { 200: RevealedBsn, ...errors } } },
    async (request) => revealBsn(contextOf(request), profileDoors.portal, cipher, request.params.clientId),
  )

  app.get(
    '/api/clients/:clientId/care-team/today',
    { schema: { params: ClientIdParams, response: { 200: CareTeamToday, ...errors } } },
    async (request) => getCareTeamToday(contextOf(request), request.params.clientId),
  )
}
