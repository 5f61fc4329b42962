import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Appointment, AppointmentList, AppointmentListQuery, AppointmentParams, AppointmentRequest } from '../../../shared/schemas/appointments.ts'
import { Done } from '../../../shared/schemas/auth.ts'
import { ClientIdParams } from '../../../shared/schemas/clients.ts'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { contextOf } from '../../platform/http/request-context.ts'
import { cancelAppointment, changeAppointment, createAppointment, listAppointments } from './appointment.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse }

/** "Afspraken": all appointments, and the ones this account made itself: add, change, cancel. */
export const appointmentPortalRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app) => {
  app.get(
    '/api/clients/:clientId/appointments',
    { schema: { params: ClientIdParams, querystring: AppointmentListQuery, response: { 200: AppointmentList, ...errors } } },
    async (request) => listAppointments(contextOf(request), request.params.clientId, request.query),
  )

  app.post(
    '/api/clients/:clientId/appointments',
    { schema: { params: ClientIdParams, body: AppointmentRequest, response: { 201: Appointment, ...errors } } },
    async (request, reply) => {
      const appointment = await createAppointment(contextOf(request), request.params.clientId, request.body)
      return reply.status(201).send(appointment)
    },
  )

  app.put(
    '/api/clients/:clientId/appointments/:appointmentId',
    { schema: { params: AppointmentParams, body: AppointmentRequest, response: { 200: Appointment, ...errors } } },
    async (request) => changeAppointment(contextOf(request), request.params, request.body),
  )

  app.delete(
    '/api/clients/:clientId/appointments/:appointmentId',
    { schema: { params: AppointmentParams, response: { 200: Done, ...errors } } },
    async (request) => {
      await cancelAppointment(contextOf(request), request.params)
      return { status: 'ok' as const }
    },
  )
}
