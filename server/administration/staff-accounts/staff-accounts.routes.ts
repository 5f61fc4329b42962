import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { NewStaffRequest, StaffIdParams, StaffList, StaffRoles, StaffSearchQuery, StaffSummary, TeamList, TeamsRequest } from '../../../shared/schemas/admin-staff.ts'
import { EmptyBody } from '../../../shared/schemas/common.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { ADMIN_ERRORS } from '../../identity/staff-access/admin-errors.ts'
import { asAdministrator } from '../as-administrator.ts'
import { changeRoles, changeTeams, createStaff, listStaff, listTeams, removeStaff } from './staff-accounts.service.ts'

/** Administrators: staff accounts, their roles (caregiver, administrator, both) and team membership. */
export const staffAccountRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, config }) => {
  const one = { 200: StaffSummary, ...ADMIN_ERRORS }

  app.get('/api/admin/staff', { schema: { querystring: StaffSearchQuery, response: { 200: StaffList, ...ADMIN_ERRORS } } }, async (request) => {
    return { items: await asAdministrator(request, async () => listStaff(db, request.query.search ?? '')) }
  })

  app.post('/api/admin/staff', { schema: { body: NewStaffRequest, response: { 201: StaffSummary, ...ADMIN_ERRORS } } }, async (request, reply) => {
    const staff = await asAdministrator(request, (admin, source, now) => createStaff(db, config, admin, request.body, source, now))
    return reply.code(201).send(staff)
  })

  app.put('/api/admin/staff/:staffMemberId/roles', { schema: { params: StaffIdParams, body: StaffRoles, response: one } }, async (request) =>
    asAdministrator(request, (admin, source, now) => changeRoles(db, admin, request.params.staffMemberId, request.body, source, now)),
  )

  app.put('/api/admin/staff/:staffMemberId/teams', { schema: { params: StaffIdParams, body: TeamsRequest, response: one } }, async (request) =>
    asAdministrator(request, (admin, source, now) => changeTeams(db, admin, request.params.staffMemberId, request.body.teamIds, source, now)),
  )

  app.post('/api/admin/staff/:staffMemberId/remove', { schema: { params: StaffIdParams, body: EmptyBody, response: one } }, async (request) =>
    asAdministrator(request, (admin, source, now) => removeStaff(db, admin, request.params.staffMemberId, source, now)),
  )

  app.get('/api/admin/teams', { schema: { response: { 200: TeamList, ...ADMIN_ERRORS } } }, async (request) => {
    return { items: await asAdministrator(request, async () => listTeams(db)) }
  })
}
