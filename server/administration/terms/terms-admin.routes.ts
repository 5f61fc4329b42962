import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AdminTermsList, AdminTermsVersion, NewTermsRequest } from '../../../shared/schemas/admin-organisation.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { requestSource } from '../../platform/http/request-source.ts'
import { requireSession } from '../../identity/authentication/request-session.ts'
import { ADMIN_ERRORS } from '../../identity/staff-access/admin-errors.ts'
import { requireAdministrator } from '../../identity/staff-access/staff-access.policy.ts'
import { listTermsVersions, publishTermsVersion } from './terms-admin.service.ts'

/** 50,000 characters of terms: up to three bytes each in UTF-8, and room for escapes. */
const TERMS_BODY_LIMIT = 256 * 1024

/** Administrators: the versions of the terms of use; publishing one asks everyone to accept again. */
export const termsAdminRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, clock }) => {
  const admin = (request: Parameters<typeof requireSession>[0]) => requireAdministrator(db, requireSession(request))

  app.get('/api/admin/terms', { schema: { response: { 200: AdminTermsList, ...ADMIN_ERRORS } } }, async (request) => {
    await admin(request)
    return { items: await listTermsVersions(db) }
  })

  app.post('/api/admin/terms', { bodyLimit: TERMS_BODY_LIMIT, config: { uploadRole: 'administrator' }, schema: { body: NewTermsRequest, response: { 201: AdminTermsVersion, ...ADMIN_ERRORS } } }, async (request, reply) => {
    const version = await publishTermsVersion(db, await admin(request), request.body.body, requestSource(request), clock())
    return reply.code(201).send(version)
  })
}
