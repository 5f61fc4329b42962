import type { FastifyRequest } from 'fastify'
import type { RequestSource } from '../platform/access-log/access-log.service.ts'
import { contextOf } from '../platform/http/request-context.ts'
import { requireAdministrator, type StaffActor } from '../identity/staff-access/staff-access.policy.ts'

/**
 * One administrator's action: the role checked fresh from the request's context, then `act`
 * with who asks, where the request came from and its one moment (what the services log).
 */
export async function asAdministrator<T>(request: FastifyRequest, act: (admin: StaffActor, source: RequestSource, now: Date) => Promise<T>): Promise<T> {
  const { db, session, source, now } = contextOf(request)
  return act(await requireAdministrator(db, session), source, now)
}
