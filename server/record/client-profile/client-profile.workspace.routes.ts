import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ClientProfile, RevealedBsn } from '../../../shared/schemas/client-profile.ts'
import { ClientIdParams } from '../../../shared/schemas/clients.ts'
import { EmptyBody, ErrorResponse } from '../../../shared/schemas/common.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { contextOf } from '../../platform/http/request-context.ts'
import { getClientProfile, profileDoors, revealBsn } from './client-profile.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse }
const base = '/api/workspace/clients/:clientId'

/** The client's profile in the caregivers' workspace, as the portal shows it (BSN and bank account masked). */
export const clientProfileWorkspaceRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { cipher }) => {
  app.get(`${base}/profile`, { schema: { params: ClientIdParams, response: { 200: ClientProfile, ...errors } } },
    async (request) => getClientProfile(contextOf(request), profileDoors.workspace, cipher, request.params.clientId))

  // A POST, as in the portal: showing the BSN is a deliberate, logged act, never prefetched or cached.
  app.post(`${base}/profile/bsn`, { schema: { params: ClientIdParams, body: EmptyBody, response: { 200: RevealedBsn, ...errors } } },
    async (request) => revealBsn(contextOf(request), profileDoors.workspace, cipher, request.params.clientId))
}
