import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ClientIdParams } from '../../../shared/schemas/clients.ts'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import { Inbox, WorkspaceClient, WorkspaceClientPage, WorkspaceClientQuery } from '../../../shared/schemas/workspace.ts'
import { CareAssignmentParams, CareTeamDirectory, EndCareAssignment, NewCareAssignment, WorkspaceCareTeam } from '../../../shared/schemas/workspace-record.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { contextOf } from '../../platform/http/request-context.ts'
import { addAssignment, endAssignment, getCareTeam, getDirectory } from './workspace-care-team.service.ts'
import { getCaseloadClient, getInbox, listCaseload } from './workspace.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse }
const Created = Type.Object({ id: Type.String({ format: 'uuid' }) })
const base = '/api/workspace/clients/:clientId'

/**
 * What only the caregivers' workspace has: their clients, the inbox over all of them, and each
 * client's care team. The record's sections have their workspace routes in their own folders
 * (`<section>.workspace.routes.ts`). Every route is `full` access and goes through the
 * caregiver policy (client-access/caregiver-access.policy.ts).
 */
export const workspaceRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app) => {
  app.get('/api/workspace/clients', { schema: { querystring: WorkspaceClientQuery, response: { 200: WorkspaceClientPage, ...errors } } },
    async (request) => listCaseload(contextOf(request), request.query))

  app.get(base, { schema: { params: ClientIdParams, response: { 200: WorkspaceClient, ...errors } } },
    async (request) => getCaseloadClient(contextOf(request), request.params.clientId))

  app.get('/api/workspace/inbox', { schema: { response: { 200: Inbox, ...errors } } },
    async (request) => getInbox(contextOf(request)))

  app.get('/api/workspace/care-team-directory', { schema: { response: { 200: CareTeamDirectory, ...errors } } },
    async (request) => getDirectory(contextOf(request)))

  app.get(`${base}/care-team`, { schema: { params: ClientIdParams, response: { 200: WorkspaceCareTeam, ...errors } } },
    async (request) => getCareTeam(contextOf(request), request.params.clientId))

  app.post(`${base}/care-team`, { schema: { params: ClientIdParams, body: NewCareAssignment, response: { 201: Created, ...errors } } },
    async (request, reply) => reply.status(201).send(await addAssignment(contextOf(request), request.params.clientId, request.body)))

  app.post(`${base}/care-team/:assignmentId/end`, { schema: { params: CareAssignmentParams, body: EndCareAssignment, response: { 200: Created, ...errors } } },
    async (request) => endAssignment(contextOf(request), request.params, request.body))
}
