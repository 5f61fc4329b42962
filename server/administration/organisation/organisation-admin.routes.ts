import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { LOGO_MAX_BYTES, LogoRequest, OrganisationSettings, OrganisationSettingsRequest } from '../../../shared/schemas/admin-organisation.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { requestSource } from '../../platform/http/request-source.ts'
import { requireSession } from '../../identity/authentication/request-session.ts'
import { ADMIN_ERRORS } from '../../identity/staff-access/admin-errors.ts'
import { requireAdministrator } from '../../identity/staff-access/staff-access.policy.ts'
import { getOrganisationSettings, replaceLogo, updateOrganisationSettings } from './organisation-admin.service.ts'

/** The base64 text of the largest logo and room for the rest (the service names the logo's own limit). */
const LOGO_BODY_LIMIT = Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 64 * 1024

/** Administrators: the organisation's name, tagline, colours, logo, support text, password policy and timeouts. */
export const organisationAdminRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, clock }) => {
  const admin = (request: Parameters<typeof requireSession>[0]) => requireAdministrator(db, requireSession(request))
  const response = { 200: OrganisationSettings, ...ADMIN_ERRORS }

  app.get('/api/admin/organisation', { schema: { response } }, async (request) => {
    await admin(request)
    return getOrganisationSettings(db)
  })

  app.put('/api/admin/organisation', { schema: { body: OrganisationSettingsRequest, response } }, async (request) =>
    updateOrganisationSettings(db, await admin(request), request.body, requestSource(request), clock()),
  )

  app.put('/api/admin/organisation/logo', { bodyLimit: LOGO_BODY_LIMIT, config: { uploadRole: 'administrator' }, schema: { body: LogoRequest, response } }, async (request) =>
    replaceLogo(db, await admin(request), request.body.imageBase64, requestSource(request), clock()),
  )

  app.delete('/api/admin/organisation/logo', { schema: { response } }, async (request) => replaceLogo(db, await admin(request), null, requestSource(request), clock()))
}
