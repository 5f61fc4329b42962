import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { EmptyBody, ErrorResponse } from '../../../shared/schemas/common.ts'
import { ChangeMobilePhoneRequest, EndedSessions, Profile, Reauthenticated, ReauthenticateRequest, SessionList } from '../../../shared/schemas/profile.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { contextOf } from '../../platform/http/request-context.ts'
import { changeMobilePhone, endOtherSessionsOf, getProfile, listSessions, reauthenticate } from './profile.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 429: ErrorResponse }

/** "Mijn profiel": the account, its sessions, the mobile number, and the fresh password check before changes. */
export const profileRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  app.get('/api/profile', { schema: { response: { 200: Profile, ...errors } } }, async (request) => getProfile(db, contextOf(request).session))

  app.get('/api/profile/sessions', { schema: { response: { 200: SessionList, ...errors } } }, async (request) => {
    const { session, now } = contextOf(request)
    return listSessions(db, session, now)
  })

  app.post('/api/profile/sessions/end-others', { schema: { body: EmptyBody, response: { 200: EndedSessions, ...errors } } }, async (request) => {
    const { session, source, now } = contextOf(request)
    return { ended: await endOtherSessionsOf(db, session, source, now) }
  })

  app.put('/api/profile/mobile-phone', { schema: { body: ChangeMobilePhoneRequest, response: { 200: Profile, ...errors } } }, async (request) => {
    const { session, source, now } = contextOf(request)
    await changeMobilePhone(db, session, request.body.mobilePhone, source, now)
    return getProfile(db, session)
  })

  // Under /api/session because it is part of logging in; `session` access, so it also works
  // while a temporary password is still to be changed.
  app.post(
    '/api/session/reauthenticate',
    { config: { access: 'session' }, schema: { body: ReauthenticateRequest, response: { 200: Reauthenticated, ...errors } } },
    async (request) => {
      const { session, source, now } = contextOf(request)
      const until = await reauthenticate(db, session, request.body.password, source, now)
      return { status: 'ok' as const, recentLoginUntil: until.toISOString() }
    },
  )
}
