import type { FastifyRequest } from 'fastify'
import type { RequestSource } from '../access-log/access-log.service.ts'

/** Where a request came from, for the access log. `request.ip` honours TRUST_PROXY only. */
export function requestSource(request: FastifyRequest): RequestSource {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? '', requestId: request.id }
}
