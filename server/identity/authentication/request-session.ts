import type { FastifyRequest } from 'fastify'
import { AppError } from '../../platform/errors.ts'
import type { ActiveSession } from './session.service.ts'

/** The session of a request that passed the access check of a non-public route. */
export function requireSession(request: FastifyRequest): ActiveSession {
  if (!request.session) throw new AppError('unauthenticated')
  return request.session
}
