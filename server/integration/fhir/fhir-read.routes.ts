import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../platform/app-deps.ts'
import { readResource } from './fhir-operations.service.ts'
import { fhirContext, sendResource } from './fhir-reply.ts'
import { resourceTypeNamed } from './fhir-resource-types.ts'

const Params = Type.Object({ resourceType: Type.String({ pattern: '^[A-Z][A-Za-z]{1,40}$' }), id: Type.String({ pattern: '^[A-Za-z0-9.-]{1,64}$' }) })

/** `GET /fhir/<type>/<id>`: read. */
export async function fhirReadRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/:resourceType/:id', { schema: { params: Params } }, async (request, reply) => {
    const { resourceType, id } = request.params as { resourceType: string; id: string }
    const stored = await readResource(deps.db, fhirContext(request, deps), resourceTypeNamed(resourceType), id)
    return sendResource(reply, stored)
  })
}
