import { Type } from 'typebox'
import type { FastifyInstance } from 'fastify'

export const PROBE_URL = '/api/test/probe'

/**
 * A route with the default access (`full`: logged in, terms accepted, no temporary password),
 * for tests of the access rules themselves, independent of any feature's routes.
 */
export function addProbeRoute(app: FastifyInstance): void {
  const schema = { response: { 200: Type.Object({ status: Type.Literal('ok') }) } }
  app.get(PROBE_URL, { schema }, async () => ({ status: 'ok' as const }))
  app.post(PROBE_URL, { schema: { ...schema, body: Type.Object({}, { additionalProperties: false }) } }, async () => ({ status: 'ok' as const }))
}
