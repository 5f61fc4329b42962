import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AdminTermsList, AdminTermsVersion, NewTermsRequest } from '../../../shared/schemas/admin-organisation.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { ADMIN_ERRORS } from '../../identity/staff-access/admin-errors.ts'
import { asAdministrator } from '../as-administrator.ts'
import { listTermsVersions, publishTermsVersion } from './terms-admin.service.ts'

/** 50,000 characters of terms: up to three bytes each in UTF-8, and room for escapes. */
const TERMS_BODY_LIMIT = 256 * 1024

/** Administrators: the versions of the terms of use; publishing one asks everyone to accept again. */
export const termsAdminRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  app.get('/api/admin/terms', { schema: { response: { 200: AdminTermsList, ...ADMIN_ERRORS } } }, async (request) => {
    return { items: await asAdministrator(request, async () => listTermsVersions(db)) }
  })

  app.post('/api/admin/terms', { bodyLimit: TERMS_BODY_LIMIT, config: { uploadRole: 'administrator' }, schema: { body: NewTermsRequest, response: { 201: AdminTermsVersion, ...ADMIN_ERRORS } } }, async (request, reply) => {
    const version = await asAdministrator(request, (admin, source, now) => publishTermsVersion(db, admin, request.body.body, source, now))
    return reply.code(201).send(version)
  })
}
