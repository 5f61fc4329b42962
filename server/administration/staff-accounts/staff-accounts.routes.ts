import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { NewStaffRequest, StaffIdParams, StaffList, StaffRoles, StaffSearchQuery, StaffSummary, TeamList, TeamsRequest } from '../../../shared/schemas/admin-staff.ts'
import { EmptyBody } from '../../../shared/schemas/common.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { requestSource } from '../../platform/http/request-source.ts'
import { requireSession } from '../../identity/authentication/request-session.ts'
import { ADMIN_ERRORS } from '../../identity/staff-access/admin-errors.ts'
import { requireAdministrator } from '../../identity/staff-access/staff-access.policy.ts'
import { changeRoles, changeTeams, createStaff, listStaff, listTeams, removeStaff } from './staff-accounts.service.ts'

/** Administrators: staff accounts, their roles (caregiver, administrator, both) and team membership. */
export const staffAccountRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, clock, config }) => {
  const admin = (request: Parameters<typeof requireSession>[0]) => requireAdministrator(db, requireSession(request))
  const one = { 200: StaffSummary, ...ADMIN_ERRORS }

  app.get('/api/admin/staff', { schema: { querystring: StaffSearchQuery, response: { 200: StaffList, ...ADMIN_ERRORS } } }, async (request) => {
    await admin(request)
    return { items: await listStaff(db, request.query.search ?? '') }
  })

  app.post('/api/admin/staff', { schema: { body: NewStaffRequest, response: { 201: StaffSummary, ...ADMIN_ERRORS } } }, async (request, reply) => {
    const staff = await createStaff(db, config, await admin(request), request.body, requestSource(request), clock())
    return reply.code(201).send(staff)
  })

  app.put('/api/admin/staff/:staffMemberId/roles', { schema: { params: StaffIdParams, body: StaffRoles, response: one } }, async (request) =>
    changeRoles(db, await admin(request), request.params.staffMemberId, request.body, requestSource(request), clock()),
  )

  app.put('/api/admin/staff/:staffMemberId/teams', { schema: { params: StaffIdParams, body: TeamsRequest, response: one } }, async (request) =>
    changeTeams(db, await admin(request), request.params.staffMemberId, request.body.teamIds, requestSource(request), clock()),
  )

  app.post('/api/admin/staff/:staffMemberId/remove', { schema: { params: StaffIdParams, body: EmptyBody, response: one } }, async (request) =>
    removeStaff(db, await admin(request), request.params.staffMemberId, requestSource(request), clock()),
  )

  app.get('/api/admin/teams', { schema: { response: { 200: TeamList, ...ADMIN_ERRORS } } }, async (request) => {
    await admin(request)
    return { items: await listTeams(db) }
  })
}
