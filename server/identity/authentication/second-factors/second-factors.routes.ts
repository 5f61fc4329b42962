import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { Done, PasskeyAuthenticationOptionsAnswer, PasskeyLoginRequest } from '../../../../shared/schemas/auth.ts'
import { EmptyBody, ErrorResponse } from '../../../../shared/schemas/common.ts'
import {
  ConfirmTotpRequest,
  PasskeyList,
  PasskeyRegistrationOptionsAnswer,
  Profile,
  RecoveryCodes,
  RegisterPasskeyRequest,
  TotpEnrolment,
} from '../../../../shared/schemas/profile.ts'
import type { AppDeps } from '../../../platform/app-deps.ts'
import { contextOf, publicContextOf } from '../../../platform/http/request-context.ts'
import { setSessionCookie } from '../authentication.ts'
import { getProfile } from '../../profile/profile.service.ts'
import { logInWithPasskey, passkeyLoginOptions } from './passkey-login.service.ts'
import { listPasskeys, passkeyRegistrationOptions, registerPasskey, removePasskey } from './passkey-registration.service.ts'
import { confirmTotpEnrolment, regenerateRecoveryCodes, removeTotp, startTotpEnrolment } from './totp.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 410: ErrorResponse, 429: ErrorResponse }
const PasskeyParams = Type.Object({ id: Type.String({ format: 'uuid' }) })

/** Authenticator app, recovery codes and passkeys: managed in "Mijn profiel"; passkeys also log in. */
export const secondFactorRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, cipher, config }) => {
  app.post('/api/profile/totp', { schema: { body: EmptyBody, response: { 200: TotpEnrolment, ...errors } } }, async (request) => {
    const { session, now } = contextOf(request)
    return startTotpEnrolment(db, cipher, session, now)
  })

  app.post('/api/profile/totp/confirm', { schema: { body: ConfirmTotpRequest, response: { 200: RecoveryCodes, ...errors } } }, async (request) => {
    const { session, source, now } = contextOf(request)
    return confirmTotpEnrolment(db, cipher, session, request.body.code, source, now)
  })

  app.delete('/api/profile/totp', { schema: { response: { 200: Profile, ...errors } } }, async (request) => {
    const { session, source, now } = contextOf(request)
    await removeTotp(db, session, source, now)
    return getProfile(db, session)
  })

  app.post('/api/profile/recovery-codes', { schema: { body: EmptyBody, response: { 200: RecoveryCodes, ...errors } } }, async (request) => {
    const { session, source, now } = contextOf(request)
    return regenerateRecoveryCodes(db, session, source, now)
  })

  app.get('/api/profile/passkeys', { schema: { response: { 200: PasskeyList, ...errors } } }, async (request) => ({
    passkeys: await listPasskeys(db, contextOf(request).session.accountId),
  }))

  app.post('/api/profile/passkeys/options', { schema: { body: EmptyBody, response: { 200: PasskeyRegistrationOptionsAnswer, ...errors } } }, async (request) => {
    const { session, now } = contextOf(request)
    return passkeyRegistrationOptions(db, config, session, now)
  })

  app.post('/api/profile/passkeys', { schema: { body: RegisterPasskeyRequest, response: { 200: Profile, ...errors } } }, async (request) => {
    const { session, source, now } = contextOf(request)
    await registerPasskey(db, config, session, request.body, source, now)
    return getProfile(db, session)
  })

  app.delete('/api/profile/passkeys/:id', { schema: { params: PasskeyParams, response: { 200: Profile, ...errors } } }, async (request) => {
    const { session, source, now } = contextOf(request)
    await removePasskey(db, session, request.params.id, source, now)
    return getProfile(db, session)
  })

  app.post(
    '/api/session/passkey/options',
    { config: { access: 'public' }, schema: { body: EmptyBody, response: { 200: PasskeyAuthenticationOptionsAnswer, ...errors } } },
    async (request) => passkeyLoginOptions(db, config, request.ip, publicContextOf(request).now),
  )

  app.post(
    '/api/session/passkey/verify',
    { config: { access: 'public' }, schema: { body: PasskeyLoginRequest, response: { 200: Done, ...errors } } },
    async (request, reply) => {
      const { source, now } = publicContextOf(request)
      const token = await logInWithPasskey(db, config, request.body.credential, source, now)
      setSessionCookie(reply, token)
      return { status: 'ok' as const }
    },
  )
}
