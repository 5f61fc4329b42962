import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../platform/app-deps.ts'
import { identifierTarget, type WriteTarget, writeResource } from './fhir-operations.service.ts'
import { fhirContext, sendWriteResult } from './fhir-reply.ts'
import { resourceTypeNamed } from './fhir-resource-types.ts'
import { parseIfMatch } from './fhir-versions.ts'

const TypeParams = Type.Object({ resourceType: Type.String({ pattern: '^[A-Z][A-Za-z]{1,40}$' }) })
const IdParams = Type.Object({ resourceType: Type.String({ pattern: '^[A-Z][A-Za-z]{1,40}$' }), id: Type.String({ pattern: '^[A-Za-z0-9.-]{1,64}$' }) })
const ConditionalQuery = Type.Object({ identifier: Type.String({ maxLength: 300 }) }, { additionalProperties: false })
const Body = Type.Object({ resourceType: Type.String() })

/**
 * Create (`POST /fhir/<type>`), update (`PUT /fhir/<type>/<id>`) and conditional update on the
 * ECD's own identifier (`PUT /fhir/<type>?identifier=<system>|<value>`: creates the first time,
 * updates after, so a repeated push never duplicates). `If-Match` makes a stale update fail.
 */
export async function fhirWriteRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const write = async (resourceType: string, body: unknown, target: WriteTarget, ifMatch: string | undefined, context: ReturnType<typeof fhirContext>) => {
    const type = resourceTypeNamed(resourceType)
    const version = parseIfMatch(ifMatch)
    return deps.db.transaction().execute((trx) => writeResource(trx, context, type, body, target, version))
  }
  app.post('/:resourceType', { schema: { params: TypeParams, body: Body } }, async (request, reply) => {
    const { resourceType } = request.params as { resourceType: string }
    const result = await write(resourceType, request.body, { kind: 'create' }, request.headers['if-match'], fhirContext(request, deps))
    return sendWriteResult(request, reply, result, 201)
  })
  app.put('/:resourceType', { schema: { params: TypeParams, querystring: ConditionalQuery, body: Body } }, async (request, reply) => {
    const { resourceType } = request.params as { resourceType: string }
    const target = identifierTarget((request.query as { identifier: string }).identifier)
    const result = await write(resourceType, request.body, target, request.headers['if-match'], fhirContext(request, deps))
    return sendWriteResult(request, reply, result, result.created ? 201 : 200)
  })
  app.put('/:resourceType/:id', { schema: { params: IdParams, body: Body } }, async (request, reply) => {
    const { resourceType, id } = request.params as { resourceType: string; id: string }
    const result = await write(resourceType, request.body, { kind: 'id', id }, request.headers['if-match'], fhirContext(request, deps))
    return sendWriteResult(request, reply, result)
  })
}
