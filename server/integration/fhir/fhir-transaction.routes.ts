import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../platform/app-deps.ts'
import { FHIR_JSON, fhirContext } from './fhir-reply.ts'
import { processTransaction } from './fhir-transaction.service.ts'
import { fhirPreferences } from './fhir-prefer.ts'

/** A Bundle of a new client with a year of reports is a few megabytes. */
const TRANSACTION_BODY_LIMIT = 20 * 1024 * 1024

/** `POST /fhir` (and `/fhir/`, as some clients post it): a transaction Bundle, all or nothing. */
export async function fhirTransactionRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.post('/', { bodyLimit: TRANSACTION_BODY_LIMIT, schema: { body: Type.Object({ resourceType: Type.Literal('Bundle') }) } }, async (request, reply) => {
    const response = await processTransaction(deps.db, fhirContext(request, deps), request.body, deps.config.publicBaseUrl, fhirPreferences(request.headers.prefer).return)
    return reply.type(FHIR_JSON).send(response)
  })
}
