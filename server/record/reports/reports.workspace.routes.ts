import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ClientIdParams } from '../../../shared/schemas/clients.ts'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import { ReportParams, ReportRequest, ReportVersionList, WorkspaceReportPage, WorkspaceReportQuery } from '../../../shared/schemas/workspace-record.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { contextOf } from '../../platform/http/request-context.ts'
import { correctReport, listReportVersions, listWorkspaceReports, writeReport } from './reports.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse }
const Created = Type.Object({ id: Type.String({ format: 'uuid' }) })
const base = '/api/workspace/clients/:clientId'

/** Reports in the caregivers' workspace: all of them (hidden ones marked), written and corrected by the caregiver. */
export const reportWorkspaceRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app) => {
  app.get(`${base}/reports`, { schema: { params: ClientIdParams, querystring: WorkspaceReportQuery, response: { 200: WorkspaceReportPage, ...errors } } },
    async (request) => listWorkspaceReports(contextOf(request), request.params.clientId, request.query))

  app.post(`${base}/reports`, { schema: { params: ClientIdParams, body: ReportRequest, response: { 201: Created, ...errors } } },
    async (request, reply) => reply.status(201).send(await writeReport(contextOf(request), request.params.clientId, request.body)))

  app.put(`${base}/reports/:reportId`, { schema: { params: ReportParams, body: ReportRequest, response: { 200: Created, ...errors } } },
    async (request) => correctReport(contextOf(request), request.params, request.body))

  app.get(`${base}/reports/:reportId/versions`, { schema: { params: ReportParams, response: { 200: ReportVersionList, ...errors } } },
    async (request) => listReportVersions(contextOf(request), request.params))
}
