import type { Bundle, Resource } from '@medplum/fhirtypes'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { requestSource } from '../../http/request-source.ts'
import type { AppDeps } from '../../app.ts'
import { requireCaller } from './fhir-auth.ts'
import type { FhirContext, StoredResource } from './fhir-resource-type.ts'
import { etagOf } from './fhir-versions.ts'

export const FHIR_JSON = 'application/fhir+json; charset=utf-8'

/** The context of an authenticated FHIR request. */
export function fhirContext(request: FastifyRequest, { cipher, clock, config }: Pick<AppDeps, 'cipher' | 'clock' | 'config'>): FhirContext {
  return { caller: requireCaller(request), cipher, source: requestSource(request), now: clock(), portalBaseUrl: config.publicBaseUrl }
}

/** One resource with its version headers. The mapping built it from named columns: that is the allow-list. */
export function sendResource(reply: FastifyReply, stored: StoredResource, status = 200): FastifyReply {
  reply.header('etag', etagOf(stored.version))
  const lastUpdated = stored.resource.meta?.lastUpdated
  if (lastUpdated) reply.header('last-modified', new Date(lastUpdated).toUTCString())
  if (status === 201) reply.header('location', `/fhir/${stored.resource.resourceType}/${stored.id}/_history/${stored.version}`)
  return reply.status(status).type(FHIR_JSON).send(stored.resource)
}

/** A searchset Bundle of the resources found. */
export function searchset(found: StoredResource[], baseUrl: URL): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    entry: found.map(({ resource }) => ({ fullUrl: fullUrl(resource, baseUrl), resource, search: { mode: 'match' as const } })),
  }
}

export function fullUrl(resource: Resource, baseUrl: URL): string {
  return new URL(`/fhir/${resource.resourceType}/${resource.id}`, baseUrl).href
}
