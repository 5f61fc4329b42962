import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyBaseLogger, FastifyReply } from 'fastify'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import { Redirect, SsoAvailability } from '../../../shared/schemas/sso.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { notFound } from '../../platform/errors.ts'
import { publicContextOf } from '../../platform/http/request-context.ts'
import { setSessionCookie } from '../authentication/authentication.ts'
import { finishSso, SsoFailure, startSso } from './sso.service.ts'

/** Binds a single sign-on to the browser that started it; holds a random id whose hash finds the stored state. */
export const SSO_COOKIE = '__Host-portal_sso'
const SSO_COOKIE_OPTIONS = { path: '/', secure: true, httpOnly: true, sameSite: 'lax' as const }
/** The login page says "Inloggen via uw organisatie is niet gelukt"; the details stay in the log. */
const FAILED = '/inloggen?sso=mislukt'

/** Staff single sign-on through the organisation's OpenID Connect provider (when configured). */
export const ssoRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { config, db }) => {
  const oidc = config.oidc

  app.get('/api/sso', { config: { access: 'public' }, schema: { response: { 200: SsoAvailability } } }, async () => ({ enabled: oidc !== undefined }))

  app.get(
    '/api/sso/start',
    { config: { access: 'public' }, schema: { response: { 302: Redirect, 404: ErrorResponse } } },
    async (request, reply) => {
      if (!oidc) throw notFound('single sign-on is not configured')
      try {
        const { source, now } = publicContextOf(request)
        const { browserId, url } = await startSso(db, oidc, config.publicBaseUrl, source, now)
        reply.setCookie(SSO_COOKIE, browserId, { ...SSO_COOKIE_OPTIONS, maxAge: 600 })
        return reply.redirect(url.href, 302)
      } catch (error) {
        return failed(reply, request.log, error)
      }
    },
  )

  app.get(
    '/api/sso/callback',
    { config: { access: 'public' }, schema: { response: { 302: Redirect, 404: ErrorResponse } } },
    async (request, reply) => {
      if (!oidc) throw notFound('single sign-on is not configured')
      // Used once, whatever the outcome: a new attempt starts over at /api/sso/start.
      reply.clearCookie(SSO_COOKIE, SSO_COOKIE_OPTIONS)
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''
      try {
        const { source, now } = publicContextOf(request)
        const token = await finishSso(db, oidc, { browserId: request.cookies[SSO_COOKIE], query, publicBaseUrl: config.publicBaseUrl }, source, now)
        setSessionCookie(reply, token)
        return reply.redirect('/werkplek', 302)
      } catch (error) {
        return failed(reply, request.log, error)
      }
    },
  )
}

/** Any failure — refused login, IdP unreachable, database — ends on the login page, not on a JSON error. */
function failed(reply: FastifyReply, log: FastifyBaseLogger, error: unknown) {
  if (error instanceof SsoFailure) log.warn({ reason: error.message }, 'single sign-on refused')
  else log.error({ err: error }, 'single sign-on failed')
  return reply.redirect(FAILED, 302)
}
