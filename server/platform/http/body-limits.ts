import type { FastifyInstance } from 'fastify'
import type { StaffRole } from '../../identity/staff-access/staff-access.policy.ts'
import { PDF_MAX_BYTES } from '../pdf/pdf-content.ts'

/**
 * The body limit of an /api route that names none. The largest ordinary form is a new version
 * of the terms (50,000 characters, which has its own limit); a report (8,000 characters), a
 * message (4,200) or a news item (4,000) fits many times over, even written as JSON escapes.
 */
export const API_BODY_LIMIT = 64 * 1024

/**
 * The body limit of the FHIR API's authenticated routes: a care-plan DocumentReference carries
 * the print and the signature sheet inline, each up to the portal's own upload limit (20 MB),
 * base64 (4/3), plus room for the rest of the resource or Bundle. Applied only once the bearer
 * token is known (the FHIR authentication runs on `onRequest`, before a byte of the body is read);
 * the public FHIR routes (token endpoint, CapabilityStatement) keep API_BODY_LIMIT.
 */
export const FHIR_BODY_LIMIT = Math.ceil((2 * PDF_MAX_BYTES) / 3) * 4 + 1024 * 1024

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The staff role that may send this route a body above API_BODY_LIMIT (up to the route's
     * own `bodyLimit`). Anyone else is refused before a byte of the body is read.
     */
    uploadRole?: StaffRole
  }
}

/** Whether the body may be larger than `limit`: its declared length says so, or it has none (chunked). */
export function bodyMayExceed(headers: Record<string, string | string[] | undefined>, limit: number): boolean {
  const length = headers['content-length']
  if (typeof length === 'string') return Number(length) > limit
  return headers['transfer-encoding'] !== undefined
}

/**
 * Every /api route gets its own body limit: API_BODY_LIMIT unless it says otherwise, and a larger
 * one only with the staff role allowed to use it (checked at start-up, enforced in the
 * authentication hook). The FHIR API's routes get FHIR_BODY_LIMIT (public ones API_BODY_LIMIT);
 * any other route keeps the server-wide BODY_LIMIT_BYTES.
 */
export function registerBodyLimits(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.url === '/fhir' || route.url.startsWith('/fhir/')) {
      route.bodyLimit ??= route.config?.fhirPublic ? API_BODY_LIMIT : FHIR_BODY_LIMIT
      return
    }
    if (!route.url.startsWith('/api/')) return
    route.bodyLimit ??= API_BODY_LIMIT
    if (route.bodyLimit <= API_BODY_LIMIT) return
    const where = `${String(route.method)} ${route.url}`
    if (!route.config?.uploadRole) throw new Error(`Route ${where} takes bodies over ${API_BODY_LIMIT} bytes but names no uploadRole`)
    const access = route.config.access ?? 'full'
    if (access !== 'full') throw new Error(`Route ${where} takes large bodies but is not a full-access route`)
  })

  // A refusal sent while a large body is still arriving (401 before the body, 413 mid-way)
  // closes the connection: otherwise Node reads and discards the rest of it, megabytes that
  // nobody asked for, to keep the connection for a next request that a sender of such a body
  // does not deserve. Small leftovers are drained as usual, so ordinary clients keep alive.
  app.addHook('onSend', async (request, reply) => {
    if (!request.raw.complete && bodyMayExceed(request.headers, API_BODY_LIMIT)) reply.header('connection', 'close')
  })
}
