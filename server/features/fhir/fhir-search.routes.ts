import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../app.ts'
import { searchResources } from './fhir-operations.service.ts'
import { FHIR_JSON, fhirContext, searchset } from './fhir-reply.ts'
import { resourceTypeNamed } from './fhir-resource-types.ts'
import { parseSearchQuery } from './fhir-search-params.ts'

const Params = Type.Object({ resourceType: Type.String({ pattern: '^[A-Z][A-Za-z]{1,40}$' }) })
const Parameters = Type.Record(Type.String({ maxLength: 40 }), Type.Union([Type.String({ maxLength: 200 }), Type.Array(Type.String({ maxLength: 200 }), { maxItems: 4 })]))

/**
 * `GET /fhir/<type>?...` and `POST /fhir/<type>/_search` (form body): search. The POST form is
 * the only way to search by BSN, so a BSN never travels in a URL.
 */
export async function fhirSearchRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const search = async (request: FastifyRequest, reply: FastifyReply, raw: Record<string, string | string[]>, fromBody: boolean) => {
    const type = resourceTypeNamed((request.params as { resourceType: string }).resourceType)
    const query = parseSearchQuery(raw, type.searchParams, fromBody)
    const found = await searchResources(deps.db, fhirContext(request, deps), type, query)
    // A BSN search (POST body) gets no next link: its parameters must not move into a URL.
    const page = fromBody ? undefined : { path: `/fhir/${type.resourceType}`, raw, count: query.count }
    return reply.type(FHIR_JSON).send(searchset(found, deps.config.publicBaseUrl, page))
  }
  app.get('/:resourceType', { schema: { params: Params, querystring: Parameters } }, (request, reply) =>
    search(request, reply, request.query as Record<string, string | string[]>, false))
  app.post('/:resourceType/_search', { config: { formBody: true }, schema: { params: Params, body: Parameters } }, (request, reply) =>
    search(request, reply, request.body as Record<string, string | string[]>, true))
}
