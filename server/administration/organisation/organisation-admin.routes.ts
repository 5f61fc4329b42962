import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { LOGO_MAX_BYTES, LogoRequest, OrganisationSettings, OrganisationSettingsRequest } from '../../../shared/schemas/admin-organisation.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { ADMIN_ERRORS } from '../../identity/staff-access/admin-errors.ts'
import { asAdministrator } from '../as-administrator.ts'
import { getOrganisationSettings, replaceLogo, updateOrganisationSettings } from './organisation-admin.service.ts'

/** The base64 text of the largest logo and room for the rest (the service names the logo's own limit). */
const LOGO_BODY_LIMIT = Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 64 * 1024

/** Administrators: the organisation's name, tagline, colours, logo, support text, password policy and timeouts. */
export const organisationAdminRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  const response = { 200: OrganisationSettings, ...ADMIN_ERRORS }

  app.get('/api/admin/organisation', { schema: { response } }, async (request) => {
    return asAdministrator(request, async () => getOrganisationSettings(db))
  })

  app.put('/api/admin/organisation', { schema: { body: OrganisationSettingsRequest, response } }, async (request) =>
    asAdministrator(request, (admin, source, now) => updateOrganisationSettings(db, admin, request.body, source, now)),
  )

  app.put('/api/admin/organisation/logo', { bodyLimit: LOGO_BODY_LIMIT, config: { uploadRole: 'administrator' }, schema: { body: LogoRequest, response } }, async (request) =>
    asAdministrator(request, (admin, source, now) => replaceLogo(db, admin, request.body.imageBase64, source, now)),
  )

  app.delete('/api/admin/organisation/logo', { schema: { response } }, async (request) => asAdministrator(request, (admin, source, now) => replaceLogo(db, admin, null, source, now)))
}
