import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { AppointmentListQuery, AppointmentParams, AppointmentRequest } from '../../../shared/schemas/appointments.ts'
import { ClientIdParams } from '../../../shared/schemas/clients.ts'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import { WorkspaceAppointment, WorkspaceAppointmentList } from '../../../shared/schemas/workspace.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { contextOf } from '../../platform/http/request-context.ts'
import { cancelClientAppointment, changeClientAppointment, createStaffAppointment, listClientAppointments } from './appointment.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse }
const Ok = Type.Object({ ok: Type.Literal(true) })
const base = '/api/workspace/clients/:clientId'

/** The client's appointments in the caregivers' workspace: all of them, whoever made them; the care team changes any. */
export const appointmentWorkspaceRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app) => {
  app.get(`${base}/appointments`, { schema: { params: ClientIdParams, querystring: AppointmentListQuery, response: { 200: WorkspaceAppointmentList, ...errors } } },
    async (request) => listClientAppointments(contextOf(request), request.params.clientId, request.query))

  app.post(`${base}/appointments`, { schema: { params: ClientIdParams, body: AppointmentRequest, response: { 201: WorkspaceAppointment, ...errors } } },
    async (request, reply) => reply.status(201).send(await createStaffAppointment(contextOf(request), request.params.clientId, request.body)))

  app.put(`${base}/appointments/:appointmentId`, { schema: { params: AppointmentParams, body: AppointmentRequest, response: { 200: WorkspaceAppointment, ...errors } } },
    async (request) => changeClientAppointment(contextOf(request), request.params, request.body))

  app.delete(`${base}/appointments/:appointmentId`, { schema: { params: AppointmentParams, response: { 200: Ok, ...errors } } }, async (request) => {
    await cancelClientAppointment(contextOf(request), request.params)
    return { ok: true as const }
  })
}
