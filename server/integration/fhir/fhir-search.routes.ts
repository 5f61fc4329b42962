import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../platform/app-deps.ts'
import { searchResources } from './fhir-operations.service.ts'
import { FHIR_JSON, fhirContext, searchset } from './fhir-reply.ts'
import { resourceTypeNamed } from './fhir-resource-types.ts'
import { parseSearchQuery } from './fhir-search-params.ts'
import { fhirPreferences } from './fhir-prefer.ts'

const Params = Type.Object({ resourceType: Type.String({ pattern: '^[A-Z][A-Za-z]{1,40}$' }) })
type Raw = Record<string, string | string[]>
const Parameters = Type.Record(Type.String({ maxLength: 40 }), Type.Union([Type.String({ maxLength: 200 }), Type.Array(Type.String({ maxLength: 200 }), { maxItems: 4 })]))

/**
 * `GET /fhir/<type>?...` and `POST /fhir/<type>/_search` (form body, and any query string: both
 * apply, as FHIR says). The POST body is the only way to search by BSN, so a BSN never travels
 * in a URL.
 */
export async function fhirSearchRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const search = async (request: FastifyRequest, reply: FastifyReply, url: Raw, body: Raw | undefined) => {
    const type = resourceTypeNamed((request.params as { resourceType: string }).resourceType)
    const query = parseSearchQuery({ url, ...(body ? { body } : {}) }, type.searchParams, fhirPreferences(request.headers.prefer).strict)
    const result = await searchResources(deps.db, fhirContext(request, deps), type, query)
    // A POST search gets no next link: its body (perhaps a BSN) must not move into a URL.
    return reply.type(FHIR_JSON).send(searchset(result, deps.config.publicBaseUrl, { path: `/fhir/${type.resourceType}`, query, next: !body }))
  }
  app.get('/:resourceType', { schema: { params: Params, querystring: Parameters } }, (request, reply) =>
    search(request, reply, request.query as Raw, undefined))
  app.post('/:resourceType/_search', {
    config: { formBody: true },
    schema: { params: Params, querystring: Parameters, body: Parameters },
    // No body at all is an empty form, not a missing one: the query string alone then decides.
    preValidation: async (request) => {
      request.body ??= {}
    },
  }, (request, reply) => search(request, reply, request.query as Raw, request.body as Raw))
}
