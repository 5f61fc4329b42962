import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../platform/app-deps.ts'
import { FHIR_JSON, fhirContext } from './fhir-reply.ts'
import { processTransaction } from './fhir-transaction.service.ts'
import { fhirPreferences } from './fhir-prefer.ts'

/**
 * `POST /fhir` (and `/fhir/`, as some clients post it): a transaction Bundle, all or nothing.
 * Body limit: FHIR_BODY_LIMIT, set for both paths in server/platform/http/body-limits.ts.
 */
export async function fhirTransactionRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.post('/', { schema: { body: Type.Object({ resourceType: Type.Literal('Bundle') }) } }, async (request, reply) => {
    const response = await processTransaction(deps.db, fhirContext(request, deps), request.body, deps.config.publicBaseUrl, fhirPreferences(request.headers.prefer).return)
    return reply.type(FHIR_JSON).send(response)
  })
}
