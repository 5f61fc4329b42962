import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Appointment, AppointmentList, AppointmentListQuery, AppointmentParams, AppointmentRequest } from '../../../shared/schemas/appointments.ts'
import { Done } from '../../../shared/schemas/auth.ts'
import { ClientIdParams } from '../../../shared/schemas/clients.ts'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { requestSource } from '../../platform/http/request-source.ts'
import { requireSession } from '../../identity/authentication/request-session.ts'
import { cancelAppointment, changeAppointment, createAppointment, listAppointments } from './appointment.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse }

/** "Afspraken": all appointments, and the ones this account made itself: add, change, cancel. */
export const appointmentRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, clock }) => {
  app.get(
    '/api/clients/:clientId/appointments',
    { schema: { params: ClientIdParams, querystring: AppointmentListQuery, response: { 200: AppointmentList, ...errors } } },
    async (request) => listAppointments(db, requireSession(request), request.params.clientId, request.query, requestSource(request), clock()),
  )

  app.post(
    '/api/clients/:clientId/appointments',
    { schema: { params: ClientIdParams, body: AppointmentRequest, response: { 201: Appointment, ...errors } } },
    async (request, reply) => {
      const appointment = await createAppointment(db, requireSession(request), request.params.clientId, request.body, requestSource(request), clock())
      return reply.status(201).send(appointment)
    },
  )

  app.put(
    '/api/clients/:clientId/appointments/:appointmentId',
    { schema: { params: AppointmentParams, body: AppointmentRequest, response: { 200: Appointment, ...errors } } },
    async (request) => changeAppointment(db, requireSession(request), request.params, request.body, requestSource(request), clock()),
  )

  app.delete(
    '/api/clients/:clientId/appointments/:appointmentId',
    { schema: { params: AppointmentParams, response: { 200: Done, ...errors } } },
    async (request) => {
      await cancelAppointment(db, requireSession(request), request.params, requestSource(request), clock())
      return { status: 'ok' as const }
    },
  )
}
