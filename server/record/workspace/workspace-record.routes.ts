import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { AppointmentListQuery, AppointmentParams, AppointmentRequest } from '../../../shared/schemas/appointments.ts'
import { CarePlanPrint, CarePlanPrintList, CarePlanPrintParams } from '../../../shared/schemas/care-plan-prints.ts'
import { ClientProfile, RevealedBsn } from '../../../shared/schemas/client-profile.ts'
import { ClientIdParams } from '../../../shared/schemas/clients.ts'
import { EmptyBody, ErrorResponse } from '../../../shared/schemas/common.ts'
import { SubscriptionList } from '../../../shared/schemas/subscriptions.ts'
import { WorkspaceAppointment, WorkspaceAppointmentList } from '../../../shared/schemas/workspace.ts'
import {
  CareAssignmentParams, CarePlanPrintUpload, EndCareAssignment, NewCareAssignment, PRINT_UPLOAD_BODY_LIMIT, WorkspaceCareTeam,
} from '../../../shared/schemas/workspace-record.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { sendDownload } from '../../platform/http/download.ts'
import { requestSource } from '../../platform/http/request-source.ts'
import { requireSession } from '../../identity/authentication/request-session.ts'
import type { PrintFile } from '../care-plan-prints/care-plan-print.service.ts'
import { cancelClientAppointment, changeClientAppointment, createStaffAppointment, listClientAppointments } from './workspace-appointments.service.ts'
import { addAssignment, endAssignment, getCareTeam } from './workspace-care-team.service.ts'
import { downloadPrint, listPrints, uploadPrint } from './workspace-prints.service.ts'
import { getProfileForCaregiver, listSubscriptionsForCaregiver, revealBsnForCaregiver } from './workspace-profile.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse }
const PdfBytes = Type.Unsafe<Buffer>({ type: 'string', description: 'application/pdf' })
const Created = Type.Object({ id: Type.String({ format: 'uuid' }) })
const Ok = Type.Object({ ok: Type.Literal(true) })
const base = '/api/workspace/clients/:clientId'

/** A client's appointments, care-plan prints, care team, profile and subscriptions in the caregivers' workspace. */
export const workspaceRecordRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, clock, cipher }) => {
  app.get(`${base}/appointments`, { schema: { params: ClientIdParams, querystring: AppointmentListQuery, response: { 200: WorkspaceAppointmentList, ...errors } } },
    async (request) => listClientAppointments(db, requireSession(request), request.params.clientId, request.query, requestSource(request), clock()))

  app.post(`${base}/appointments`, { schema: { params: ClientIdParams, body: AppointmentRequest, response: { 201: WorkspaceAppointment, ...errors } } },
    async (request, reply) => reply.status(201).send(await createStaffAppointment(db, requireSession(request), request.params.clientId, request.body, requestSource(request), clock())))

  app.put(`${base}/appointments/:appointmentId`, { schema: { params: AppointmentParams, body: AppointmentRequest, response: { 200: WorkspaceAppointment, ...errors } } },
    async (request) => changeClientAppointment(db, requireSession(request), request.params, request.body, requestSource(request), clock()))

  app.delete(`${base}/appointments/:appointmentId`, { schema: { params: AppointmentParams, response: { 200: Ok, ...errors } } }, async (request) => {
    await cancelClientAppointment(db, requireSession(request), request.params, requestSource(request), clock())
    return { ok: true as const }
  })

  app.get(`${base}/care-plan-prints`, { schema: { params: ClientIdParams, response: { 200: CarePlanPrintList, ...errors } } },
    async (request) => ({ items: await listPrints(db, requireSession(request), request.params.clientId, requestSource(request), clock()) }))

  const files: [string, PrintFile][] = [['print.pdf', 'print'], ['signature-sheet.pdf', 'signature_sheet']]
  for (const [name, file] of files) {
    app.get(`${base}/care-plan-prints/:printId/${name}`, { schema: { params: CarePlanPrintParams, response: { 200: PdfBytes, ...errors } } }, async (request, reply) => {
      const { pdf, fileName } = await downloadPrint(db, requireSession(request), { ...request.params, file }, requestSource(request), clock())
      return sendDownload(reply, pdf, 'application/pdf', fileName)
    })
  }

  // Two PDFs as base64 in JSON (the only body type the API admits): a larger limit for this route alone.
  app.post(
    `${base}/care-plan-prints`,
    { bodyLimit: PRINT_UPLOAD_BODY_LIMIT, config: { uploadRole: 'caregiver' }, schema: { params: ClientIdParams, body: CarePlanPrintUpload, response: { 201: CarePlanPrint, ...errors, 413: ErrorResponse, 415: ErrorResponse } } },
    async (request, reply) => reply.status(201).send(await uploadPrint(db, requireSession(request), request.params.clientId, request.body, requestSource(request), clock())),
  )

  app.get(`${base}/care-team`, { schema: { params: ClientIdParams, response: { 200: WorkspaceCareTeam, ...errors } } },
    async (request) => getCareTeam(db, requireSession(request), request.params.clientId, requestSource(request), clock()))

  app.post(`${base}/care-team`, { schema: { params: ClientIdParams, body: NewCareAssignment, response: { 201: Created, ...errors } } },
    async (request, reply) => reply.status(201).send(await addAssignment(db, requireSession(request), request.params.clientId, request.body, requestSource(request), clock())))

  app.post(`${base}/care-team/:assignmentId/end`, { schema: { params: CareAssignmentParams, body: EndCareAssignment, response: { 200: Created, ...errors } } },
    async (request) => endAssignment(db, requireSession(request), request.params, request.body, requestSource(request), clock()))

  const context = (request: FastifyRequest, clientId: string) => ({ session: requireSession(request), clientId, source: requestSource(request), now: clock() })

  app.get(`${base}/profile`, { schema: { params: ClientIdParams, response: { 200: ClientProfile, ...errors } } },
    async (request) => getProfileForCaregiver(db, cipher, context(request, request.params.clientId)))

  // A POST, as in the portal: showing the BSN is a deliberate, logged act, never prefetched or cached.
  app.post(`${base}/profile/bsn`, { schema: { params: ClientIdParams, body: EmptyBody, response: { 200: RevealedBsn, ...errors } } },
    async (request) => revealBsnForCaregiver(db, cipher, context(request, request.params.clientId)))

  app.get(`${base}/subscriptions`, { schema: { params: ClientIdParams, response: { 200: SubscriptionList, ...errors } } },
    async (request) => ({ items: await listSubscriptionsForCaregiver(db, context(request, request.params.clientId)) }))
}
