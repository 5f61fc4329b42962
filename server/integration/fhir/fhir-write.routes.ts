import type { FastifyInstance, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../platform/app-deps.ts'
import { identifierTarget, type WriteTarget, writeResource } from './fhir-operations.service.ts'
import { fhirContext, sendWriteResult } from './fhir-reply.ts'
import { resourceTypeNamed } from './fhir-resource-types.ts'
import { parseIfMatch } from './fhir-versions.ts'
import { conditionalCreate } from './fhir-search-params.ts'

const TypeParams = Type.Object({ resourceType: Type.String({ pattern: '^[A-Z][A-Za-z]{1,40}$' }) })
const IdParams = Type.Object({ resourceType: Type.String({ pattern: '^[A-Z][A-Za-z]{1,40}$' }), id: Type.String({ pattern: '^[A-Za-z0-9.-]{1,64}$' }) })
// `_format` and `_pretty` are taken anywhere (JSON is always the answer).
const ResultParameters = { _format: Type.Optional(Type.String({ maxLength: 100 })), _pretty: Type.Optional(Type.String({ maxLength: 10 })) }
const ConditionalQuery = Type.Object({ identifier: Type.String({ maxLength: 300 }), ...ResultParameters }, { additionalProperties: false })
const WriteQuery = Type.Object(ResultParameters, { additionalProperties: false })
const Body = Type.Object({ resourceType: Type.String() })

/**
 * Create (`POST /fhir/<type>`, conditional with `If-None-Exist`), update (`PUT /fhir/<type>/<id>`)
 * and conditional update on the ECD's own identifier (`PUT /fhir/<type>?identifier=<system>|<value>`:
 * creates the first time, updates after, so a repeated push never duplicates). `If-Match` makes
 * a stale update fail; `Prefer: return=` chooses the answer's body.
 */
export async function fhirWriteRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const write = async (request: FastifyRequest, target: WriteTarget) => {
    const type = resourceTypeNamed((request.params as { resourceType: string }).resourceType)
    const version = parseIfMatch(request.headers['if-match'])
    const context = fhirContext(request, deps)
    return deps.db.transaction().execute((trx) => writeResource(trx, context, type, request.body, target, version))
  }
  app.post('/:resourceType', { schema: { params: TypeParams, querystring: WriteQuery, body: Body } }, async (request, reply) => {
    const type = resourceTypeNamed((request.params as { resourceType: string }).resourceType)
    const ifNoneExist = conditionalCreate(request.headers['if-none-exist'], type.searchParams)
    const result = await write(request, { kind: 'create', ...(ifNoneExist ? { ifNoneExist } : {}) })
    return sendWriteResult(request, reply, result, result.created ? 201 : 200)
  })
  app.put('/:resourceType', { schema: { params: TypeParams, querystring: ConditionalQuery, body: Body } }, async (request, reply) => {
    const result = await write(request, identifierTarget((request.query as { identifier: string }).identifier))
    return sendWriteResult(request, reply, result, result.created ? 201 : 200)
  })
  app.put('/:resourceType/:id', { schema: { params: IdParams, querystring: WriteQuery, body: Body } }, async (request, reply) => {
    const { id } = request.params as { id: string }
    const result = await write(request, { kind: 'id', id })
    return sendWriteResult(request, reply, result)
  })
}
