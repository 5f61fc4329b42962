import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AdminGrant, AdminGrantList, AdminGrantParams, AdminGrantQuery } from '../../../shared/schemas/access-grants.ts'
import { EndLinkRequest } from '../../../shared/schemas/admin-accounts.ts'
import { EmptyBody } from '../../../shared/schemas/common.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { ADMIN_ERRORS } from '../../identity/staff-access/admin-errors.ts'
import { asAdministrator } from '../as-administrator.ts'
import { approveGrant, endGrantAsAdministrator, listClientGrants, refuseGrant } from './client-grants-admin.service.ts'

/**
 * Beheer → "Toegang door cliënten": every grant clients and legal representatives gave, with
 * approve / refuse for those waiting (the organisation's approval rule) and "Toegang beëindigen".
 */
export const clientGrantsAdminRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, config }) => {
  const portalUrl = new URL('/', config.publicBaseUrl).href
  const response = { 200: AdminGrant, ...ADMIN_ERRORS }

  app.get('/api/admin/client-grants', { schema: { querystring: AdminGrantQuery, response: { 200: AdminGrantList, ...ADMIN_ERRORS } } }, async (request) =>
    asAdministrator(request, (admin, source, now) => listClientGrants(db, admin, request.query.show ?? 'open', source, now)),
  )

  app.post('/api/admin/client-grants/:grantId/approve', { schema: { params: AdminGrantParams, body: EmptyBody, response } }, async (request) =>
    asAdministrator(request, (admin, source, now) => approveGrant(db, admin, request.params.grantId, source, now, portalUrl)),
  )

  app.post('/api/admin/client-grants/:grantId/refuse', { schema: { params: AdminGrantParams, body: EmptyBody, response } }, async (request) =>
    asAdministrator(request, (admin, source, now) => refuseGrant(db, admin, request.params.grantId, source, now)),
  )

  app.post('/api/admin/client-grants/:grantId/end', { schema: { params: AdminGrantParams, body: EndLinkRequest, response } }, async (request) =>
    asAdministrator(request, (admin, source, now) => endGrantAsAdministrator(db, admin, request.params.grantId, request.body, source, now, portalUrl)),
  )
}
