import type { Bundle, Resource } from '@medplum/fhirtypes'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { publicContextOf } from '../../platform/http/request-context.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { requireCaller } from './fhir-auth.ts'
import type { FhirContext, StoredResource } from './fhir-resource-type.ts'
import { encodeCursor } from '../../platform/http/keyset-cursor.ts'
import { etagOf } from './fhir-versions.ts'
import { warningOutcome } from './fhir-errors.ts'
import type { WriteResult } from './fhir-operations.service.ts'

export const FHIR_JSON = 'application/fhir+json; charset=utf-8'

/** The context of an authenticated FHIR request. */
export function fhirContext(request: FastifyRequest, { cipher, config }: Pick<AppDeps, 'cipher' | 'config'>): FhirContext {
  const { source, now } = publicContextOf(request)
  return { caller: requireCaller(request), cipher, source, now, portalBaseUrl: config.publicBaseUrl }
}

/** One resource with its version headers. The mapping built it from named columns: that is the allow-list. */
export function sendResource(reply: FastifyReply, stored: StoredResource, status = 200): FastifyReply {
  reply.header('etag', etagOf(stored.version))
  const lastUpdated = stored.resource.meta?.lastUpdated
  if (lastUpdated) reply.header('last-modified', new Date(lastUpdated).toUTCString())
  if (status === 201) reply.header('location', `/fhir/${stored.resource.resourceType}/${stored.id}/_history/${stored.version}`)
  return reply.status(status).type(FHIR_JSON).send(stored.resource)
}

/** At most this many element paths in the `x-fhir-not-kept` header; the OperationOutcome has them all. */
const NOT_KEPT_HEADER_PATHS = 20

/**
 * The answer to a write: the stored resource, or with `Prefer: return=OperationOutcome` an
 * OperationOutcome of what was not kept as sent (FHIR R4 http.html#return). The resource answer
 * names those elements in `x-fhir-not-kept`, so nothing is dropped without a word either way.
 */
export function sendWriteResult(request: FastifyRequest, reply: FastifyReply, result: WriteResult, status = 200): FastifyReply {
  const paths = [...new Set(result.warnings.flatMap((w) => w.expression ?? []))]
  if (paths.length > 0) reply.header('x-fhir-not-kept', [...paths.slice(0, NOT_KEPT_HEADER_PATHS), ...(paths.length > NOT_KEPT_HEADER_PATHS ? ['...'] : [])].join(', '))
  if (!/\breturn=OperationOutcome\b/i.test(String(request.headers.prefer ?? ''))) return sendResource(reply, result.stored, status)
  reply.header('etag', etagOf(result.stored.version))
  if (status === 201) reply.header('location', `/fhir/${result.stored.resource.resourceType}/${result.stored.id}/_history/${result.stored.version}`)
  const issue = result.warnings.length > 0 ? result.warnings : [{ severity: 'information' as const, code: 'informational' as const, details: { text: 'stored as sent' } }]
  return reply.status(status).type(FHIR_JSON).send(warningOutcome(issue))
}

/**
 * A searchset Bundle of the resources found. A full page links to the next one: the same
 * search with a `_cursor` after its last row (results are ordered by last change, then id).
 */
export function searchset(found: StoredResource[], baseUrl: URL, page?: { path: string; raw: Record<string, string | string[]>; count: number }): Bundle {
  const last = found.at(-1)
  const lastUpdated = last?.resource.meta?.lastUpdated
  let next: string | undefined
  if (page && last && lastUpdated && found.length === page.count) {
    const params = new URLSearchParams()
    for (const [name, value] of Object.entries(page.raw)) if (name !== '_cursor') for (const v of [value].flat()) params.append(name, v)
    params.append('_cursor', encodeCursor({ at: lastUpdated, id: last.id }))
    next = new URL(`${page.path}?${params.toString()}`, baseUrl).href
  }
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(next ? { link: [{ relation: 'next', url: next }] } : {}),
    entry: found.map(({ resource }) => ({ fullUrl: fullUrl(resource, baseUrl), resource, search: { mode: 'match' as const } })),
  }
}

export function fullUrl(resource: Resource, baseUrl: URL): string {
  return new URL(`/fhir/${resource.resourceType}/${resource.id}`, baseUrl).href
}
