import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AttemptRequest, Done, LoginChallenge, LoginRequest, SessionAnswer, SmsCodeSent, VerifyRequest } from '../../../shared/schemas/auth.ts'
import { EmptyBody, ErrorResponse } from '../../../shared/schemas/common.ts'
import { AppError } from '../../platform/errors.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { withMinimumDuration } from '../../platform/http/minimum-duration.ts'
import { contextOf, publicContextOf } from '../../platform/http/request-context.ts'
import { getSecuritySettings } from '../../organisation/settings/organisation.service.ts'
import { mustAcceptTerms } from '../terms/terms.service.ts'
import { clearSessionCookie, setSessionCookie } from './authentication.ts'
import { acceptsStrongSecondFactor, mustStepUp } from './login-policy.ts'
import { requestSmsCode, verifyPasswordStep, verifySecondFactor } from './login.service.ts'
import { endSessionByHash } from './session.repository.ts'
import { SESSION_COOKIE } from './session.service.ts'
import { staffRolesOfSession } from '../staff-access/staff-access.policy.ts'

/** Every answer of the password step takes at least this long, so timing reveals nothing. */
const PASSWORD_STEP_MIN_MS = 400

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse, 429: ErrorResponse }

/** Logging in (password, then a second factor), the session itself, and logging out. */
export const sessionRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, cipher }) => {
  app.post(
    '/api/session',
    { config: { access: 'public' }, schema: { body: LoginRequest, response: { 200: LoginChallenge, ...errors } } },
    async (request) => {
      const { source, now } = publicContextOf(request)
      return withMinimumDuration(PASSWORD_STEP_MIN_MS, () => verifyPasswordStep(db, request.body.loginName, request.body.password, source, now))
    },
  )

  app.post(
    '/api/session/sms-code',
    { config: { access: 'public' }, schema: { body: AttemptRequest, response: { 200: SmsCodeSent, ...errors } } },
    async (request) => requestSmsCode(db, request.body.attemptToken, publicContextOf(request).now),
  )

  app.post(
    '/api/session/verify',
    { config: { access: 'public' }, schema: { body: VerifyRequest, response: { 200: Done, ...errors } } },
    async (request, reply) => {
      const { source, now } = publicContextOf(request)
      const token = await verifySecondFactor(db, request.body, source, now, cipher)
      setSessionCookie(reply, token)
      return { status: 'ok' as const }
    },
  )

  /*
   * Public, so that a browser with no session cookie at all (anyone opening the login page) gets
   * an ordinary answer, not an error in its console. A cookie that no longer works (logged out,
   * idle, blocked) still gets 401 and is cleared: that the session ended is news to the page.
   */
  app.get('/api/session', { config: { access: 'public' }, schema: { response: { 200: SessionAnswer, 401: ErrorResponse } } }, async (request, reply) => {
    if (!request.session) {
      if (request.cookies[SESSION_COOKIE] === undefined) return { account: null }
      clearSessionCookie(reply)
      throw new AppError('unauthenticated')
    }
    const { session, now } = contextOf(request)
    const { sessionIdleMinutes, loginPolicy } = await getSecuritySettings(db)
    return {
      account: { displayName: session.displayName, loginName: session.loginName, kind: session.kind },
      staff: session.kind === 'staff' ? await staffRolesOfSession(db, session.tokenHash) : null,
      csrfToken: session.csrfToken,
      mustAcceptTerms: await mustAcceptTerms(db, session.accountId, now),
      mustChangePassword: session.mustChangePassword,
      stepUpRequired: await mustStepUp(db, session),
      strongSecondFactorAccepted: acceptsStrongSecondFactor(loginPolicy),
      idleTimeoutSeconds: sessionIdleMinutes * 60,
      idleExpiresAt: session.idleExpiresAt.toISOString(),
      expiresAt: session.expiresAt.toISOString(),
    }
  })

  // "Blijf ingelogd": any request extends the idle time; this one does nothing else.
  app.post('/api/session/keep-alive', { config: { access: 'session' }, schema: { body: EmptyBody, response: { 200: Done, ...errors } } }, async () => ({
    status: 'ok' as const,
  }))

  app.post('/api/session/logout', { config: { access: 'session' }, schema: { body: EmptyBody, response: { 200: Done, ...errors } } }, async (request, reply) => {
    const { session, now } = contextOf(request)
    await endSessionByHash(db, session.tokenHash, now)
    clearSessionCookie(reply)
    return { status: 'ok' as const }
  })
}
