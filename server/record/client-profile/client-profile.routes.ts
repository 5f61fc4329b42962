import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CareTeamToday, ClientProfile, RevealedBsn } from '../../../shared/schemas/client-profile.ts'
import { ClientIdParams } from '../../../shared/schemas/clients.ts'
import { EmptyBody, ErrorResponse } from '../../../shared/schemas/common.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { requestSource } from '../../platform/http/request-source.ts'
import { requireSession } from '../../identity/authentication/request-session.ts'
import { getCareTeamToday, getClientProfile, revealBsn } from './client-profile.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse }

/** "Profiel", "Volledig profiel", the BSN on request, and who has access today. */
export const clientProfileRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, clock, cipher }) => {
  app.get(
    '/api/clients/:clientId/profile',
    { schema: { params: ClientIdParams, response: { 200: ClientProfile, ...errors } } },
    async (request) => getClientProfile(db, cipher, { session: requireSession(request), clientId: request.params.clientId, source: requestSource(request), now: clock() }),
  )

  // A POST, not a GET: showing the BSN is a deliberate act (CSRF-protected, never prefetched or cached).
  app.post(
    '/api/clients/:clientId/profile/bsn',
    { schema: { params: ClientIdParams, body: EmptyBody, response: { 200: RevealedBsn, ...errors } } },
    async (request) => revealBsn(db, cipher, { session: requireSession(request), clientId: request.params.clientId, source: requestSource(request), now: clock() }),
  )

  app.get(
    '/api/clients/:clientId/care-team/today',
    { schema: { params: ClientIdParams, response: { 200: CareTeamToday, ...errors } } },
    async (request) => getCareTeamToday(db, { session: requireSession(request), clientId: request.params.clientId, source: requestSource(request), now: clock() }),
  )
}
