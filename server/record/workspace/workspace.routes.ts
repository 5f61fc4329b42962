import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ClientIdParams } from '../../../shared/schemas/clients.ts'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import { MarkMessagesReadRequest, MessageListQuery, SendMessageRequest, UnreadCount } from '../../../shared/schemas/messages.ts'
import { Inbox, WorkspaceClient, WorkspaceClientPage, WorkspaceClientQuery, WorkspaceMessage, WorkspaceMessageList } from '../../../shared/schemas/workspace.ts'
import { CareTeamDirectory, ReportParams, ReportRequest, ReportVersionList, WorkspaceReportPage, WorkspaceReportQuery } from '../../../shared/schemas/workspace-record.ts'
import { Type } from 'typebox'
import type { AppDeps } from '../../platform/app-deps.ts'
import { requestSource } from '../../platform/http/request-source.ts'
import { requireSession } from '../../identity/authentication/request-session.ts'
import { getDirectory } from './workspace-care-team.service.ts'
import { listConversation, markReadAsStaff, replyAsStaff } from './workspace-messages.service.ts'
import { workspaceRecordRoutes } from './workspace-record.routes.ts'
import { correctReport, listReportVersions, listWorkspaceReports, writeReport } from './workspace-reports.service.ts'
import { getCaseloadClient, getInbox, listCaseload } from './workspace.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse }
const Created = Type.Object({ id: Type.String({ format: 'uuid' }) })
const base = '/api/workspace/clients/:clientId'

/**
 * The caregivers' half of the staff workspace: their clients, the inbox, and per client the
 * reports and messages here; the other sections in workspace-record.routes.ts. Every route is
 * `full` access and goes through the caregiver policy (workspace.policy.ts).
 */
export const workspaceRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db, clock, config } = deps
  // Notification e-mails link to the portal's front door: no client id, nothing from the record.
  const portalUrl = new URL('/', config.publicBaseUrl).toString()

  app.get('/api/workspace/clients', { schema: { querystring: WorkspaceClientQuery, response: { 200: WorkspaceClientPage, ...errors } } },
    async (request) => listCaseload(db, requireSession(request), request.query, requestSource(request), clock()))

  app.get(base, { schema: { params: ClientIdParams, response: { 200: WorkspaceClient, ...errors } } },
    async (request) => getCaseloadClient(db, requireSession(request), request.params.clientId, requestSource(request), clock()))

  app.get('/api/workspace/inbox', { schema: { response: { 200: Inbox, ...errors } } },
    async (request) => getInbox(db, requireSession(request), requestSource(request), clock()))

  app.get('/api/workspace/care-team-directory', { schema: { response: { 200: CareTeamDirectory, ...errors } } },
    async (request) => getDirectory(db, requireSession(request)))

  app.get(`${base}/reports`, { schema: { params: ClientIdParams, querystring: WorkspaceReportQuery, response: { 200: WorkspaceReportPage, ...errors } } },
    async (request) => listWorkspaceReports(db, requireSession(request), request.params.clientId, request.query, requestSource(request), clock()))

  app.post(`${base}/reports`, { schema: { params: ClientIdParams, body: ReportRequest, response: { 201: Created, ...errors } } },
    async (request, reply) => reply.status(201).send(await writeReport(db, requireSession(request), request.params.clientId, request.body, requestSource(request), clock())))

  app.put(`${base}/reports/:reportId`, { schema: { params: ReportParams, body: ReportRequest, response: { 200: Created, ...errors } } },
    async (request) => correctReport(db, requireSession(request), request.params, request.body, requestSource(request), clock()))

  app.get(`${base}/reports/:reportId/versions`, { schema: { params: ReportParams, response: { 200: ReportVersionList, ...errors } } },
    async (request) => listReportVersions(db, requireSession(request), request.params, requestSource(request), clock()))

  app.get(`${base}/messages`, { schema: { params: ClientIdParams, querystring: MessageListQuery, response: { 200: WorkspaceMessageList, ...errors } } },
    async (request) => listConversation(db, requireSession(request), request.params.clientId, request.query, requestSource(request), clock()))

  app.post(`${base}/messages`, { schema: { params: ClientIdParams, body: SendMessageRequest, response: { 201: WorkspaceMessage, ...errors } } },
    async (request, reply) => reply.status(201).send(await replyAsStaff(db, requireSession(request), { clientId: request.params.clientId, body: request.body.body, portalUrl }, requestSource(request), clock())))

  app.post(`${base}/messages/read`, { schema: { params: ClientIdParams, body: MarkMessagesReadRequest, response: { 200: UnreadCount, ...errors } } },
    async (request) => markReadAsStaff(db, requireSession(request), { clientId: request.params.clientId, upToMessageId: request.body.upToMessageId }, requestSource(request), clock()))

  await app.register(workspaceRecordRoutes, deps)
}
