import type { Bundle, BundleLink, Resource } from '@medplum/fhirtypes'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { publicContextOf } from '../../platform/http/request-context.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { requireCaller } from './fhir-auth.ts'
import type { FhirContext, SearchQuery, StoredResource } from './fhir-resource-type.ts'
import type { SearchResult } from './fhir-operations.service.ts'
import { type FhirPreferences, fhirPreferences } from './fhir-prefer.ts'
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

/**
 * One resource with its version headers. The mapping built it from named columns: that is the
 * allow-list. `prefer` is the request's `Prefer: return=`: a write may answer with no body
 * (minimal) or an OperationOutcome instead of the resource.
 */
export function sendResource(reply: FastifyReply, stored: StoredResource, status = 200, prefer: FhirPreferences['return'] = 'representation', elements?: string[]): FastifyReply {
  versionHeaders(reply, stored, status)
  if (prefer === 'minimal') return reply.send()
  if (prefer === 'OperationOutcome') {
    const text = status === 201 ? 'created' : 'stored'
    return reply.type(FHIR_JSON).send({ resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'informational', details: { text } }] })
  }
  return reply.type(FHIR_JSON).send(elements ? subsetted(stored.resource, elements) : stored.resource)
}

/** The status and the version headers of an answer about one stored resource. */
function versionHeaders(reply: FastifyReply, stored: StoredResource, status: number): void {
  reply.header('etag', etagOf(stored.version))
  const lastUpdated = stored.resource.meta?.lastUpdated
  if (lastUpdated) reply.header('last-modified', new Date(lastUpdated).toUTCString())
  reply.header('content-location', versionPath(stored))
  if (status === 201) reply.header('location', versionPath(stored))
  reply.status(status)
}

/** `/fhir/<type>/<id>/_history/<version>`: where this version can be read again (vread). */
export function versionPath(stored: StoredResource): string {
  return `/fhir/${stored.resource.resourceType}/${stored.id}/_history/${stored.version}`
}

/** `_elements`: the resource with only the elements named (and id, meta), tagged SUBSETTED as R4 asks. */
export function subsetted(resource: Resource, elements: string[]): Resource {
  const kept = new Set(['resourceType', 'id', 'meta', ...elements])
  const subset = Object.fromEntries(Object.entries(resource).filter(([key]) => kept.has(key))) as Resource
  subset.meta = { ...resource.meta, tag: [...(resource.meta?.tag ?? []), { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'SUBSETTED' }] }
  return subset
}

/** At most this many element paths in the `x-fhir-not-kept` header; the OperationOutcome has them all. */
const NOT_KEPT_HEADER_PATHS = 20

/**
 * The answer to a write, as `Prefer: return=` asks (FHIR R4 http.html#return): the stored
 * resource (representation, the default), no body (minimal), or an OperationOutcome
 * (OperationOutcome) of what was not kept as sent, or one informational issue when all was.
 * Whatever the body, `x-fhir-not-kept` names the elements not kept, so nothing is dropped
 * without a word.
 */
export function sendWriteResult(request: FastifyRequest, reply: FastifyReply, result: WriteResult, status = 200): FastifyReply {
  const paths = [...new Set(result.warnings.flatMap((w) => w.expression ?? []))]
  if (paths.length > 0) reply.header('x-fhir-not-kept', [...paths.slice(0, NOT_KEPT_HEADER_PATHS), ...(paths.length > NOT_KEPT_HEADER_PATHS ? ['...'] : [])].join(', '))
  const prefer = fhirPreferences(request.headers.prefer).return
  if (prefer !== 'OperationOutcome' || result.warnings.length === 0) return sendResource(reply, result.stored, status, prefer)
  versionHeaders(reply, result.stored, status)
  return reply.type(FHIR_JSON).send(warningOutcome(result.warnings))
}

/**
 * A searchset Bundle of the resources found, with its `self` link (the parameters as applied)
 * and `total` when known. A full page links to the next one: the same search with a `_cursor`
 * after its last row (results are ordered by last change, then id). A POST search gets no
 * `next` link: its body (perhaps a BSN) must not move into a URL.
 */
export function searchset(result: SearchResult, baseUrl: URL, page: { path: string; query: SearchQuery; next: boolean }): Bundle {
  const { found, total } = result
  const last = found.at(-1)
  const lastUpdated = last?.resource.meta?.lastUpdated
  const urlOf = (params: [string, string][]) => {
    const search = new URLSearchParams(params).toString()
    return new URL(`${page.path}${search ? `?${search}` : ''}`, baseUrl).href
  }
  const link: BundleLink[] = [{ relation: 'self', url: urlOf(page.query.applied) }]
  if (page.next && last && lastUpdated && found.length === page.query.count) {
    link.push({ relation: 'next', url: urlOf([...page.query.applied.filter(([name]) => name !== '_cursor'), ['_cursor', encodeCursor({ at: lastUpdated, id: last.id })]]) })
  }
  const elements = page.query.elements
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(total !== undefined ? { total } : {}),
    link,
    entry: found.map(({ resource }) => ({ fullUrl: fullUrl(resource, baseUrl), resource: elements ? subsetted(resource, elements) : resource, search: { mode: 'match' as const } })),
  }
}

export function fullUrl(resource: Resource, baseUrl: URL): string {
  return new URL(`/fhir/${resource.resourceType}/${resource.id}`, baseUrl).href
}
