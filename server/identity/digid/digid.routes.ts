import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyBaseLogger, FastifyReply } from 'fastify'
import { EmptyBody, ErrorResponse } from '../../../shared/schemas/common.ts'
import { DigidAvailability, DigidBinding, DigidBindingStart } from '../../../shared/schemas/digid.ts'
import { Redirect } from '../../../shared/schemas/sso.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { notFound } from '../../platform/errors.ts'
import { contextOf, publicContextOf } from '../../platform/http/request-context.ts'
import { setSessionCookie } from '../authentication/authentication.ts'
import { endSessionByHash } from '../authentication/session.repository.ts'
import { OidcFailure } from '../oidc/oidc-login.ts'
import { finishDigid, isDigidBound, startDigidBinding, startDigidLogin, unbindDigid, UnknownBsn } from './digid.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 429: ErrorResponse }

/** Binds a DigiD login (or binding) to the browser that started it; holds a random id whose hash finds the stored state. */
export const DIGID_COOKIE = '__Host-portal_digid'
const DIGID_COOKIE_OPTIONS = { path: '/', secure: true, httpOnly: true, sameSite: 'lax' as const }

/** Where the browser lands; the reasons stay in the log, never in the URL. */
export const DIGID_PAGES = {
  loggedIn: '/home',
  failed: '/inloggen?digid=mislukt',
  /** The calm page: no account for this DigiD, what to do now. Says nothing about which accounts exist. */
  unknown: '/inloggen/digid-onbekend',
  bound: '/mijn-profiel?digid=gekoppeld',
  bindFailed: '/mijn-profiel?digid=mislukt',
} as const

/** "Inloggen met DigiD" and "DigiD koppelen" through the DigiD broker (when configured). */
export const digidRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { config, db, cipher }) => {
  const digid = config.digid

  app.get('/api/digid', { config: { access: 'public' }, schema: { response: { 200: DigidAvailability } } }, async () => ({ enabled: digid !== undefined }))

  app.get(
    '/api/digid/start',
    { config: { access: 'public' }, schema: { response: { 302: Redirect, 404: ErrorResponse } } },
    async (request, reply) => {
      if (!digid) throw notFound('DigiD is not configured')
      try {
        const { source, now } = publicContextOf(request)
        const { browserId, url } = await startDigidLogin(db, digid, config.publicBaseUrl, source, now)
        reply.setCookie(DIGID_COOKIE, browserId, { ...DIGID_COOKIE_OPTIONS, maxAge: 600 })
        return reply.redirect(url.href, 302)
      } catch (error) {
        return failed(reply, request.log, error, DIGID_PAGES.failed)
      }
    },
  )

  app.get(
    '/api/digid/callback',
    { config: { access: 'public' }, schema: { response: { 302: Redirect, 404: ErrorResponse } } },
    async (request, reply) => {
      if (!digid) throw notFound('DigiD is not configured')
      // Used once, whatever the outcome: a new attempt starts over.
      reply.clearCookie(DIGID_COOKIE, DIGID_COOKIE_OPTIONS)
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''
      // Binding is started from the profile by a logged-in person; a callback for it comes back there.
      const bindingSession = request.session?.kind === 'portal' ? request.session : null
      const { source, now } = publicContextOf(request)
      try {
        const outcome = await finishDigid(
          db,
          cipher,
          digid,
          { browserId: request.cookies[DIGID_COOKIE], query, publicBaseUrl: config.publicBaseUrl, session: bindingSession },
          source,
          now,
        )
        if (outcome.kind === 'bound') return reply.redirect(DIGID_PAGES.bound, 302)
        // A DigiD login from the step-up page replaces the weaker session the browser had: end it,
        // so it does not stay open (and listed in "Waar bent u ingelogd?") until it times out.
        if (request.session) await endSessionByHash(db, request.session.tokenHash, now)
        setSessionCookie(reply, outcome.sessionToken)
        return reply.redirect(DIGID_PAGES.loggedIn, 302)
      } catch (error) {
        if (error instanceof UnknownBsn) return failed(reply, request.log, error, DIGID_PAGES.unknown)
        return failed(reply, request.log, error, bindingSession ? DIGID_PAGES.bindFailed : DIGID_PAGES.failed)
      }
    },
  )

  app.get('/api/digid/binding', { config: { access: 'session' }, schema: { response: { 200: DigidBinding } } }, async (request) => {
    const { session } = contextOf(request)
    // Staff log in through their organisation's single sign-on, never with DigiD.
    return { enabled: digid !== undefined && session.kind === 'portal', bound: await isDigidBound(db, session.accountId) }
  })

  app.post(
    '/api/digid/binding',
    { config: { access: 'full' }, schema: { body: EmptyBody, response: { 200: DigidBindingStart, 404: ErrorResponse, ...errors } } },
    async (request, reply) => {
      if (!digid) throw notFound('DigiD is not configured')
      const { session, source, now } = contextOf(request)
      const { browserId, url } = await startDigidBinding(db, digid, config.publicBaseUrl, session, source, now)
      reply.setCookie(DIGID_COOKIE, browserId, { ...DIGID_COOKIE_OPTIONS, maxAge: 600 })
      return { url: url.href }
    },
  )

  app.delete('/api/digid/binding', { config: { access: 'full' }, schema: { response: { 200: DigidBinding, ...errors } } }, async (request) => {
    const { session, source, now } = contextOf(request)
    await unbindDigid(db, session, source, now)
    return { enabled: digid !== undefined, bound: await isDigidBound(db, session.accountId) }
  })
}

/** Any failure — refused login, broker unreachable, database — ends on a page, not on a JSON error. */
function failed(reply: FastifyReply, log: FastifyBaseLogger, error: unknown, page: string) {
  if (error instanceof OidcFailure) log.warn({ reason: error.message }, 'DigiD refused')
  else log.error({ err: error }, 'DigiD failed')
  return reply.redirect(page, 302)
}
