import type { CapabilityStatement } from '@medplum/fhirtypes'
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../platform/app-deps.ts'
import { publicContextOf } from '../../platform/http/request-context.ts'
import { FHIR_JSON } from './fhir-reply.ts'
import { FHIR_RESOURCE_TYPES } from './fhir-resource-types.ts'

const SEARCH_PARAM = {
  patient: { name: 'patient', type: 'reference' as const },
  identifier: { name: 'identifier', type: 'token' as const },
}

/** What the API offers, built from the registered resource types so it cannot drift from them. */
export function capabilityStatement(baseUrl: URL, date: Date): CapabilityStatement {
  const tokenUrl = new URL('/fhir/auth/token', baseUrl).href
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: date.toISOString(),
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    implementation: { description: 'Cliëntportaal: integration API for the ECD', url: new URL('/fhir', baseUrl).href },
    rest: [
      {
        mode: 'server',
        security: {
          service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }] }],
          description: 'OAuth 2.0 client credentials (client secret or private_key_jwt with RS256/ES256); SMART system scopes.',
          extension: [{ url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris', extension: [{ url: 'token', valueUri: tokenUrl }] }],
        },
        interaction: [{ code: 'transaction' }],
        resource: FHIR_RESOURCE_TYPES.map((type) => ({
          type: type.resourceType,
          versioning: 'versioned-update' as const,
          readHistory: false,
          updateCreate: false,
          conditionalCreate: false,
          conditionalUpdate: true,
          conditionalDelete: 'not-supported' as const,
          interaction: [{ code: 'read' as const }, { code: 'search-type' as const }, { code: 'create' as const }, { code: 'update' as const }],
          searchParam: [{ name: '_lastUpdated', type: 'date' as const }, { name: '_count', type: 'number' as const }, ...type.searchParams.map((p) => SEARCH_PARAM[p])],
        })),
      },
    ],
  }
}

/** `GET /fhir/metadata`: public, as FHIR clients read it before they authenticate. */
export async function fhirMetadataRoutes(app: FastifyInstance, { config }: AppDeps): Promise<void> {
  app.get('/metadata', { config: { fhirPublic: true } }, async (request, reply) =>
    reply.type(FHIR_JSON).send(capabilityStatement(config.publicBaseUrl, publicContextOf(request).now)))
}
