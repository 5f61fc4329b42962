import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { PASSWORD_MAX_LENGTH } from '../../../shared/password-limits.ts'
import {
  ChangePasswordRequest,
  Done,
  ForgotPasswordAccepted,
  ForgotPasswordRequest,
  PasswordPolicyInfo,
  PasswordTokenInfo,
  PasswordTokenRequest,
  SetPasswordRequest,
} from '../../../shared/schemas/auth.ts'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { withMinimumDuration } from '../../platform/http/minimum-duration.ts'
import { contextOf, publicContextOf } from '../../platform/http/request-context.ts'
import { getSecuritySettings } from '../../organisation/settings/organisation.service.ts'
import { changePassword, describePasswordToken, requestPasswordReset, setPasswordWithToken } from './password.service.ts'

/** Every answer to "Wachtwoord vergeten?" takes at least this long, known account or not. */
const FORGOT_MIN_MS = 400

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 410: ErrorResponse, 429: ErrorResponse }

export const passwordRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, config }) => {
  app.get('/api/password/policy', { config: { access: 'public' }, schema: { response: { 200: PasswordPolicyInfo } } }, async () => {
    const { passwordPolicy } = await getSecuritySettings(db)
    return { ...passwordPolicy, maxLength: PASSWORD_MAX_LENGTH }
  })

  app.post(
    '/api/password/forgot',
    { config: { access: 'public' }, schema: { body: ForgotPasswordRequest, response: { 202: ForgotPasswordAccepted, ...errors } } },
    async (request, reply) => {
      const { now } = publicContextOf(request)
      await withMinimumDuration(FORGOT_MIN_MS, () => requestPasswordReset(db, config, request.body.loginName, request.ip, now))
      return reply.status(202).send({ status: 'accepted' as const })
    },
  )

  // The token travels in the body, never in a URL.
  app.post(
    '/api/password/token',
    { config: { access: 'public' }, schema: { body: PasswordTokenRequest, response: { 200: PasswordTokenInfo, ...errors } } },
    async (request, reply) => {
      reply.header('referrer-policy', 'no-referrer')
      return describePasswordToken(db, request.body.token, publicContextOf(request).now)
    },
  )

  app.post(
    '/api/password/set',
    { config: { access: 'public' }, schema: { body: SetPasswordRequest, response: { 200: Done, ...errors } } },
    async (request) => {
      await setPasswordWithToken(db, request.body.token, request.body.password, publicContextOf(request).now)
      return { status: 'ok' as const }
    },
  )

  app.post(
    '/api/password/change',
    { config: { access: 'session' }, schema: { body: ChangePasswordRequest, response: { 200: Done, ...errors } } },
    async (request) => {
      const { session, now } = contextOf(request)
      await changePassword(db, session, request.body.currentPassword, request.body.newPassword, now)
      return { status: 'ok' as const }
    },
  )
}
