import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes'
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../platform/app-deps.ts'
import { publicContextOf } from '../../platform/http/request-context.ts'
import { softwareVersion } from '../../platform/software-version.ts'
import { FHIR_JSON } from './fhir-reply.ts'
import type { FhirResourceType } from './fhir-resource-type.ts'
import { FHIR_RESOURCE_TYPES } from './fhir-resource-types.ts'
import { BACKPORT, SUBSCRIPTION_TOPICS, type SubscriptionTopicKey, topicUrl } from './subscription/fhir-subscription-topics.ts'

const SEARCH_PARAM = {
  patient: { name: 'patient', type: 'reference' as const, documentation: 'The client (Patient/<id>); also as subject' },
  identifier: { name: 'identifier', type: 'token' as const, documentation: '<system>|<value>; the ECD identifier system, or the BSN in a POST _search body' },
}
const SOFTWARE_VERSION = softwareVersion()

/** The interactions of one type: read, vread and instance history for all, the writes its `save` does. */
export function resourceCapability(type: FhirResourceType): CapabilityStatementRestResource {
  const writes = type.writes ?? ['create', 'update']
  return {
    type: type.resourceType,
    versioning: 'versioned-update',
    // Versions count a row's changes; only the current one is kept and read back.
    readHistory: false,
    updateCreate: false,
    conditionalCreate: writes.includes('create'),
    conditionalRead: 'not-supported',
    conditionalUpdate: writes.includes('create') && writes.includes('update') && type.searchParams.includes('identifier'),
    conditionalDelete: 'not-supported',
    interaction: [
      { code: 'read' },
      { code: 'vread' },
      { code: 'history-instance' },
      { code: 'search-type' },
      ...writes.map((code) => ({ code })),
    ],
    searchParam: [
      { name: '_id', type: 'token' },
      { name: '_lastUpdated', type: 'date' },
      ...type.searchParams.map((p) => SEARCH_PARAM[p]),
    ],
  }
}

/** Subscriptions (R4 Backport): the topics this portal announces, by canonical URL. */
function subscriptionCapability(baseUrl: URL): CapabilityStatementRestResource {
  return {
    type: 'Subscription',
    supportedProfile: [`${BACKPORT}/backport-subscription`],
    extension: (Object.keys(SUBSCRIPTION_TOPICS) as SubscriptionTopicKey[]).map((key) => ({
      url: `${BACKPORT}/capabilitystatement-subscriptiontopic-canonical`,
      valueCanonical: topicUrl(key, baseUrl),
    })),
    interaction: [{ code: 'read' }, { code: 'search-type' }, { code: 'create' }, { code: 'delete' }],
    operation: [{ name: 'status', definition: 'http://hl7.org/fhir/uv/subscriptions-backport/OperationDefinition/backport-subscription-status' }],
  }
}

/** What the API offers, built from the registered resource types and their writes so it cannot claim more than works. */
export function capabilityStatement(baseUrl: URL, date: Date): CapabilityStatement {
  const tokenUrl = new URL('/fhir/auth/token', baseUrl).href
  return {
    resourceType: 'CapabilityStatement',
    url: new URL('/fhir/metadata', baseUrl).href,
    name: 'ClientportaalFhirApi',
    title: 'Cliëntportaal: FHIR R4 integration API for the ECD',
    status: 'active',
    date: date.toISOString(),
    kind: 'instance',
    software: { name: 'Cliëntportaal', version: SOFTWARE_VERSION },
    implementation: { description: 'Cliëntportaal: integration API for the ECD', url: new URL('/fhir', baseUrl).href },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation: 'Unknown search parameters are ignored unless the request says Prefer: handling=strict. Results in order of last change.',
        security: {
          service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }] }],
          description: 'OAuth 2.0 client credentials (client secret or private_key_jwt with RS256/ES256); SMART system scopes, v1 and v2.',
          extension: [{ url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris', extension: [{ url: 'token', valueUri: tokenUrl }] }],
        },
        interaction: [{ code: 'transaction' }],
        resource: [...FHIR_RESOURCE_TYPES.map(resourceCapability), subscriptionCapability(baseUrl)],
        searchParam: [
          { name: '_count', type: 'number' },
          { name: '_total', type: 'token' },
          { name: '_summary', type: 'token', documentation: 'count, data, false' },
          { name: '_elements', type: 'string' },
          { name: '_sort', type: 'string', documentation: '_lastUpdated (the order results always have)' },
        ],
      },
    ],
  }
}

/** `GET /fhir/metadata`: public, as FHIR clients read it before they authenticate. */
export async function fhirMetadataRoutes(app: FastifyInstance, { config }: AppDeps): Promise<void> {
  app.get('/metadata', { config: { fhirPublic: true } }, async (request, reply) =>
    reply.type(FHIR_JSON).send(capabilityStatement(config.publicBaseUrl, publicContextOf(request).now)))
}
