import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Done } from '../../../shared/schemas/auth.ts'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import { AcceptTermsRequest, TermsOfUse } from '../../../shared/schemas/terms.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { contextOf, publicContextOf } from '../../platform/http/request-context.ts'
import { acceptTerms, getCurrentTerms } from './terms.service.ts'

/** The terms of use: readable by anyone at any time, accepted once per version after login. */
export const termsRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  app.get('/api/terms', { config: { access: 'public' }, schema: { response: { 200: TermsOfUse, 404: ErrorResponse } } }, async (request) =>
    getCurrentTerms(db, request.session?.accountId ?? null, publicContextOf(request).now),
  )

  app.post(
    '/api/terms/accept',
    { config: { access: 'session' }, schema: { body: AcceptTermsRequest, response: { 200: Done, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse } } },
    async (request) => {
      const { session, now } = contextOf(request)
      await acceptTerms(db, session.accountId, request.body.version, now)
      return { status: 'ok' as const }
    },
  )
}
