import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../platform/app-deps.ts'
import { FHIR_JSON, fhirContext } from './fhir-reply.ts'
import { processTransaction } from './fhir-transaction.service.ts'

/** `POST /fhir`: a transaction Bundle, all or nothing (body limit: FHIR_BODY_LIMIT, server/platform/http/body-limits.ts). */
export async function fhirTransactionRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.post('', { schema: { body: Type.Object({ resourceType: Type.Literal('Bundle') }) } }, async (request, reply) => {
    const response = await processTransaction(deps.db, fhirContext(request, deps), request.body, deps.config.publicBaseUrl)
    return reply.type(FHIR_JSON).send(response)
  })
}
