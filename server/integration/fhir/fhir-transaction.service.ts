import type { Bundle, BundleEntry, Identifier, Resource } from '@medplum/fhirtypes'
import type { Db } from '../../platform/db/database.ts'
import { fhirBadRequest, warningOutcome } from './fhir-errors.ts'
import { withEntryPath, withPathSync } from './fhir-entry-errors.ts'
import { identifierTarget, type WriteResult, type WriteTarget, writeResource } from './fhir-operations.service.ts'
import { fullUrl, versionPath } from './fhir-reply.ts'
import type { FhirContext, SearchQuery } from './fhir-resource-type.ts'
import type { FhirPreferences } from './fhir-prefer.ts'
import { referableFullUrl, referredFullUrls, replaceReferences, writeOrder } from './fhir-transaction-references.ts'
import { conditionalCreate } from './fhir-search-params.ts'
import { resourceTypeNamed } from './fhir-resource-types.ts'
import { etagOf, parseIfMatch } from './fhir-versions.ts'
import { fitsReportSet, type ReportSetEntry, writeReportSet } from './report/report-set.service.ts'

/** Large enough for a new client with a year of reports; larger imports come in several Bundles. */
export const MAX_TRANSACTION_ENTRIES = 5000

interface PlannedEntry {
  index: number
  resource: Resource
  target: WriteTarget
  ifMatch: number | undefined
  fullUrl: string | undefined
}

/**
 * A `transaction` Bundle: every entry is written in one database transaction, all or nothing.
 * Entries may refer to each other by their fullUrl (`urn:uuid:` or absolute, see
 * fhir-transaction-references.ts); such references become the stored resource's `Type/id`
 * before the entry that holds them is written. `Prefer: return=minimal` leaves the resources
 * out of the response (status, location and ETag stay).
 *
 * Reports (Observations created or updated on the caller's identifier) that no other entry refers
 * to are written last, as one set in a few statements (report/report-set.service.ts,
 * docs/decisions/fhir-bulk-reports.md); every other entry is written one by one, in reference order.
 */
export async function processTransaction(db: Db, context: FhirContext, bundle: unknown, baseUrl: URL, prefer: FhirPreferences['return'] = 'representation'): Promise<Bundle> {
  const planned = writeOrder(plan(bundle))
  const { oneByOne, reportSet } = splitReportSet(context, planned)
  const results = new Map<number, BundleEntry>()
  await db.transaction().execute(async (trx) => {
    const resolved = new Map<string, string>()
    for (const entry of oneByOne) {
      const resource = replaceReferences(entry.resource, resolved, entry.fullUrl) as Resource
      const type = resourceTypeNamed(resource.resourceType)
      const written = await withEntryPath(entry.index, () => writeResource(trx, context, type, resource, entry.target, entry.ifMatch))
      if (entry.fullUrl) resolved.set(entry.fullUrl, `${written.stored.resource.resourceType}/${written.stored.id}`)
      results.set(entry.index, answerOf(written, baseUrl, prefer))
    }
    const reports = reportSet.map((entry) => ({ ...entry, resource: replaceReferences(entry.resource, resolved, entry.fullUrl) as Resource }))
    for (const [index, written] of await writeReportSet(trx, context, reports)) results.set(index, answerOf(written, baseUrl, prefer))
  })
  return { resourceType: 'Bundle', type: 'transaction-response', entry: [...results.keys()].sort((a, b) => a - b).map((i) => results.get(i)!) }
}

/** One entry of the response: status, location, version and what was not kept (FHIR's place for it: Bundle.entry.response.outcome). */
function answerOf({ stored, created, warnings }: WriteResult, baseUrl: URL, prefer: FhirPreferences['return']): BundleEntry {
  return {
    fullUrl: fullUrl(stored.resource, baseUrl),
    ...(prefer === 'representation' ? { resource: stored.resource } : {}),
    response: {
      status: created ? '201 Created' : '200 OK',
      location: versionPath(stored).slice('/fhir/'.length),
      etag: etagOf(stored.version),
      ...(stored.resource.meta?.lastUpdated ? { lastModified: stored.resource.meta.lastUpdated } : {}),
      ...(warnings.length > 0 ? { outcome: warningOutcome(warnings) } : {}),
    },
  }
}

/**
 * The report entries that can be written as one set: those fitsReportSet takes that no other
 * entry refers to (so they can come last). When two of them name the same ECD identifier, the
 * second changes what the first wrote: then all are written one by one, in Bundle order, as before.
 */
function splitReportSet(context: FhirContext, planned: PlannedEntry[]): { oneByOne: PlannedEntry[]; reportSet: (ReportSetEntry & { fullUrl: string | undefined })[] } {
  const referred = referredFullUrls(planned)
  const reportSet: (ReportSetEntry & { fullUrl: string | undefined })[] = []
  const oneByOne: PlannedEntry[] = []
  for (const entry of planned) {
    const { target } = entry
    if (fitsReportSet(entry.resource.resourceType, target) && !(entry.fullUrl && referred.has(entry.fullUrl))) reportSet.push({ ...entry, target })
    else oneByOne.push(entry)
  }
  const identifiers = reportSet.flatMap((entry) => {
    const value = entry.target.kind === 'identifier' ? entry.target.value : ((entry.resource as { identifier?: Identifier[] }).identifier ?? []).find((i) => i.system === context.caller.identifierSystem)?.value
    return value === undefined ? [] : [value]
  })
  if (new Set(identifiers).size < identifiers.length) return { oneByOne: planned, reportSet: [] }
  return { oneByOne, reportSet }
}

/** Checks the Bundle's shape and reads each entry's method, URL and If-Match. */
function plan(bundle: unknown): PlannedEntry[] {
  const candidate = bundle as Partial<Bundle> | null
  if (!candidate || candidate.resourceType !== 'Bundle' || candidate.type !== 'transaction') throw fhirBadRequest('expected a Bundle of type transaction', 'Bundle.type')
  const entries = candidate.entry ?? []
  if (!Array.isArray(entries) || entries.length === 0) throw fhirBadRequest('the Bundle has no entries', 'Bundle.entry')
  if (entries.length > MAX_TRANSACTION_ENTRIES) throw fhirBadRequest(`at most ${MAX_TRANSACTION_ENTRIES} entries per Bundle`, 'Bundle.entry')
  return entries.map((entry, index) => {
    const path = `Bundle.entry[${index}]`
    const resource = entry?.resource
    const method = entry?.request?.method
    const url = entry?.request?.url ?? ''
    if (!resource || typeof resource !== 'object') throw fhirBadRequest('every entry needs a resource', `${path}.resource`)
    const [typeName, rest] = splitUrl(url)
    if (typeName !== resource.resourceType) throw fhirBadRequest('request.url must name the resource type of the entry', `${path}.request.url`)
    let target: WriteTarget
    if (method === 'POST' && rest === '') target = { kind: 'create', ...conditionalCreateOf(index, entry.request?.ifNoneExist, resource.resourceType) }
    else if (method === 'PUT' && rest.startsWith('?identifier=')) target = identifierTarget(decodeURIComponent(rest.slice('?identifier='.length)))
    else if (method === 'PUT' && /^\/[A-Za-z0-9.-]{1,64}$/.test(rest)) target = { kind: 'id', id: rest.slice(1) }
    else throw fhirBadRequest('entries are POST <Type>, PUT <Type>/<id> or PUT <Type>?identifier=<system>|<value>', `${path}.request`)
    const ifMatch = withPathSync(index, () => parseIfMatch(entry.request?.ifMatch))
    return { index, resource, target, ifMatch, fullUrl: referableFullUrl(entry.fullUrl) }
  })
}

/** An entry's `request.ifNoneExist`, read as the header of a single create is. */
function conditionalCreateOf(index: number, ifNoneExist: string | undefined, resourceType: string): { ifNoneExist?: SearchQuery } {
  if (ifNoneExist === undefined) return {}
  const type = withPathSync(index, () => resourceTypeNamed(resourceType))
  return { ifNoneExist: withPathSync(index, () => conditionalCreate(ifNoneExist, type.searchParams)!) }
}

function splitUrl(url: string): [string, string] {
  const match = /^([A-Z][A-Za-z]{1,40})(.*)$/.exec(url)
  return match ? [match[1]!, match[2]!] : ['', '']
}
