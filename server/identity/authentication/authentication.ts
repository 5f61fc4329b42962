import cookie from '@fastify/cookie'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isUuid } from '../../../shared/schemas/common.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { API_BODY_LIMIT, bodyMayExceed, registerBodyLimits } from '../../platform/http/body-limits.ts'
import { sendError } from '../../platform/http/error-handler.ts'
import { requireStaff } from '../staff-access/staff-access.policy.ts'
import { satisfiesLoginPolicy } from './login-policy.ts'
import { sameSecret } from './secret-token.ts'
import { type ActiveSession, resumeSession, SESSION_COOKIE } from './session.service.ts'

/**
 * Who may call a route. Every API route is `full` unless it says otherwise, so a route
 * that forgets to declare its access is closed, not open.
 * - public: anyone (login, forgotten password, news, branding)
 * - session: logged in, also while the terms or a new password are still owed
 * - full: logged in, terms accepted, no temporary password
 */
export type RouteAccess = 'public' | 'session' | 'full'

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess
  }
  interface FastifyRequest {
    session: ActiveSession | null
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])


export async function registerAuthentication(app: FastifyInstance, { config, db, clock }: AppDeps): Promise<void> {
  await app.register(cookie)
  app.decorateRequest('session', null)
  registerBodyLimits(app)

  // Cross-site requests never change anything: Fetch Metadata first, Origin as fallback
  // for browsers that send no Sec-Fetch-Site. Checked before the body is even read.
  app.addHook('onRequest', async (request, reply) => {
    if (!UNSAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return
    const site = request.headers['sec-fetch-site']
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return sendError(request, reply, 'csrf_failed')
    const origin = request.headers.origin
    if (origin !== undefined && origin !== config.publicBaseUrl.origin) return sendError(request, reply, 'csrf_failed')
  })

  // Who is asking is decided before the body is read (security property 33): an anonymous or
  // refused request costs one session lookup, never the reading, parsing and validating of its body.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return
    // Unknown paths fall through to the 404 answer: nothing there to protect. With a body,
    // that answer comes now, so not even the server-wide limit's worth of it is read.
    if (request.is404) return bodyMayExceed(request.headers, 0) ? sendError(request, reply, 'not_found') : undefined
    const access = request.routeOptions.config.access ?? 'full'
    const token = request.cookies[SESSION_COOKIE]
    // One statement: the session, the organisation's settings, the terms owed and, on a client's
    // record pages, the link to that client (docs/decisions/request-path.md).
    request.session = token ? ((await resumeSession(db, token, request.requestContext?.now ?? clock(), recordClientOf(request))) ?? null) : null
    if (access === 'public') return

    if (!request.session) {
      if (token) clearSessionCookie(reply)
      return sendError(request, reply, 'unauthenticated')
    }
    // A session's state-changing requests also carry the token only the portal's own pages can read.
    if (UNSAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token']
      if (typeof sent !== 'string' || !sameSecret(sent, request.session.csrfToken)) return sendError(request, reply, 'csrf_failed')
    }
    if (access === 'full') {
      if (request.session.mustChangePassword) return sendError(request, reply, 'password_change_required')
      if (request.session.termsOwed) return sendError(request, reply, 'terms_required')
      // The record is read only through a way in the organisation's policy accepts (Beheer → Beveiliging).
      if (request.url.startsWith('/api/clients/') && !satisfiesLoginPolicy(request.session.loginPolicy, request.session)) return sendError(request, reply, 'step_up_required')
    }
    // A body above the ordinary limit only from the staff role the route names; the route's own
    // limit (or Fastify's, for a chunked body) still applies to them.
    const uploadRole = request.routeOptions.config.uploadRole
    if (uploadRole && bodyMayExceed(request.headers, API_BODY_LIMIT)) {
      const staff = await requireStaff(db, request.session)
      if (!staff.roles.has(uploadRole)) return sendError(request, reply, 'forbidden')
    }
  })
}

/** The client of a portal record page (`/api/clients/:clientId/...`), whose link the session's statement reads too. */
function recordClientOf(request: FastifyRequest): string | undefined {
  if (!request.url.startsWith('/api/clients/')) return undefined
  const { clientId } = request.params as { clientId?: unknown }
  return typeof clientId === 'string' && isUuid(clientId) ? clientId.toLowerCase() : undefined
}

export function setSessionCookie(reply: FastifyReply, token: string): void {
  // A browser-session cookie: closing the browser ends it on the device, the server ends it
  // after the idle timeout or the absolute lifetime, whichever comes first.
  reply.setCookie(SESSION_COOKIE, token, { path: '/', secure: true, httpOnly: true, sameSite: 'lax' })
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'lax' })
}
