import type { Identifier, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes'
import type { Db } from '../../platform/db/database.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import { recordAccess } from '../../platform/access-log/access-log.service.ts'
import { isBsnSystem } from './bsn-system.ts'
import { requireScope } from './fhir-auth.ts'
import { FhirError, fhirBadRequest, issue } from './fhir-errors.ts'
import { scopesAllow } from './fhir-scopes.ts'
import { findOwnRow, labelSourceIdentifiers, registerSourceIdentifier, type SourceIdentifier, sourceIdentifiersOf } from './fhir-source-identifiers.ts'
import { type FhirContext, type FhirResourceType, integrationActor, type SearchQuery, type StoredResource } from './fhir-resource-type.ts'
import { checkIfMatch } from './fhir-versions.ts'
import { notKeptElements } from './fhir-not-kept.ts'
import { validateFhirResource } from './fhir-validator.ts'

/** Where a write goes: a new resource, a known id, or the row with the ECD's own identifier. */
export type WriteTarget =
  | { kind: 'create'; ifNoneExist?: SearchQuery }
  | { kind: 'id'; id: string }
  | { kind: 'identifier'; system: string; value: string }

/** Pages of this many rows when a search's matches are counted. */
const COUNT_PAGE = 500

/** `identifier=<system>|<value>` of a conditional update. */
export function identifierTarget(identifier: string): WriteTarget {
  const bar = identifier.lastIndexOf('|')
  if (bar <= 0 || bar === identifier.length - 1) throw fhirBadRequest('identifier must be <system>|<value>', 'identifier')
  // The ECD's own identifier only; a BSN, in any spelling, never in a (request) URL.
  if (isBsnSystem(identifier.slice(0, bar))) throw fhirBadRequest('a BSN is never sent in a URL: conditional update works on the ECD identifier', 'identifier')
  return { kind: 'identifier', system: identifier.slice(0, bar), value: identifier.slice(bar + 1) }
}

export interface WriteResult {
  stored: StoredResource
  created: boolean
  /** What the portal did not keep as sent: told back as OperationOutcome warnings, never dropped silently. */
  warnings: OperationOutcomeIssue[]
}

/**
 * `GET /fhir/<type>/<id>`: the resource, logged as read by the integration client. With a
 * `version` (vread) only that version: the portal keeps the current one, an older one is 404.
 */
export async function readResource(db: Db, context: FhirContext, type: FhirResourceType, id: string, version?: number): Promise<StoredResource> {
  requireScope(context.caller, type.resourceType, 'r')
  return db.transaction().execute(async (trx) => {
    const stored = await type.read(trx, context, id)
    if (!stored) throw notFound(type.resourceType)
    if (version !== undefined && stored.version !== version) throw new FhirError('not_found', [issue('not-found', `${type.resourceType}.meta.versionId`, 'the portal keeps the current version only')], 'version not kept')
    await logAccess(trx, context, type, 'read', stored)
    return (await labelSourceIdentifiers(trx, context, type.resourceType, [stored]))[0]!
  })
}

export interface SearchResult {
  found: StoredResource[]
  /** The number of matches (Bundle.total), when known or asked for; undefined for `_total=none`. */
  total: number | undefined
}

/** A search: every resource returned is logged as read (one row each, with its client). */
export async function searchResources(db: Db, context: FhirContext, type: FhirResourceType, query: SearchQuery): Promise<SearchResult> {
  requireScope(context.caller, type.resourceType, 's')
  return db.transaction().execute(async (trx) => {
    const found = query.countOnly ? [] : await findMatches(trx, context, type, query)
    const total = await totalOf(trx, context, type, query, found)
    for (const stored of found) await logAccess(trx, context, type, 'read', stored)
    // A search that returned nothing (or only a count) is still a look into the record: one row says so.
    if (found.length === 0) {
      await recordAccess(trx, integrationActor(context.caller), context.source, { action: 'read', outcome: 'success', clientId: query.patient ?? null, dataKind: type.dataKind }, context.now)
    }
    return { found: await labelSourceIdentifiers(trx, context, type.resourceType, found), total }
  })
}

/**
 * One page of matches; `_id` reads each id and keeps those the other parameters match. An
 * identifier other than the BSN is looked up with its system (docs/decisions/fhir-identifiers.md):
 * a source never finds a row by another source's number.
 */
async function findMatches(db: Db, context: FhirContext, type: FhirResourceType, query: SearchQuery): Promise<StoredResource[]> {
  if (!query.ids) return namedBy(db, context, type, query, await type.search(db, context, query))
  const matches: StoredResource[] = []
  for (const id of new Set(query.ids)) {
    const stored = await type.read(db, context, id)
    if (stored && matchesQuery(stored, query)) matches.push(stored)
  }
  return (await namedBy(db, context, type, query, matches, true)).slice(0, query.count)
}

/**
 * Of the rows found for a search by an identifier (not the BSN), those that identifier, with its
 * system, names. A row no source has named yet is the caller's if the system is the caller's
 * (and, when `checkValue`, the row's own identifier has the value: rows read by `_id` were not
 * looked up by it).
 */
async function namedBy(db: Db, context: FhirContext, type: FhirResourceType, query: SearchQuery, found: StoredResource[], checkValue = false): Promise<StoredResource[]> {
  const identifier = query.identifier
  if (!identifier) return found
  if (isBsnSystem(identifier.system)) return checkValue ? [] : found
  const sources = await sourceIdentifiersOf(db, type.resourceType, found.map((s) => s.id))
  return found.filter((stored) => {
    const own = sources.filter((s) => s.rowId === stored.id)
    if (own.length > 0) return own.some((s) => s.system === identifier.system && s.value === identifier.value)
    if (identifier.system !== context.caller.identifierSystem) return false
    if (!checkValue) return true
    const identifiers = ('identifier' in stored.resource ? (stored.resource.identifier as Identifier[] | undefined) : undefined) ?? []
    return identifiers.some((i) => i.system === identifier.system && i.value === identifier.value)
  })
}

function matchesQuery(stored: StoredResource, query: SearchQuery): boolean {
  if (query.patient !== undefined && stored.clientId !== query.patient) return false
  const at = stored.resource.meta?.lastUpdated ? new Date(stored.resource.meta.lastUpdated).getTime() : undefined
  return query.lastUpdated.every((f) => {
    if (at === undefined) return false
    const than = f.at.getTime()
    if (f.afterId !== undefined) return at > than || (at === than && stored.id > f.afterId)
    return f.op === '>' ? at > than : f.op === '>=' ? at >= than : f.op === '<' ? at < than : at <= than
  })
}

/**
 * Bundle.total: exact when the first page holds every match; counted through every page (a
 * page of rows at a time, nothing kept) for `_summary=count`, `_count=0` and `_total=accurate`;
 * left out otherwise, as counting a large log on every poll costs more than it tells.
 */
async function totalOf(db: Db, context: FhirContext, type: FhirResourceType, query: SearchQuery, page: StoredResource[]): Promise<number | undefined> {
  const counting = query.countOnly === true || query.total === 'accurate'
  if (query.total === 'none' && !counting) return undefined
  const firstPage = query.lastUpdated.every((f) => f.afterId === undefined)
  if (!counting) return firstPage && page.length < query.count ? page.length : undefined
  const filters = query.lastUpdated.filter((f) => f.afterId === undefined)
  if (query.ids) return (await findMatches(db, context, type, { ...query, lastUpdated: filters, count: query.ids.length })).length
  let total = 0
  let after: StoredResource | undefined
  for (;;) {
    const cursor = after?.resource.meta?.lastUpdated ? [{ op: '>' as const, at: new Date(after.resource.meta.lastUpdated), afterId: after.id }] : []
    const rows = await type.search(db, context, { ...query, lastUpdated: [...filters, ...cursor], count: COUNT_PAGE })
    total += (await namedBy(db, context, type, query, rows)).length
    const last = rows.at(-1)
    if (rows.length < COUNT_PAGE || !last || last.id === after?.id) return total
    after = last
  }
}

/**
 * Create or update, inside the caller's transaction (`trx`: a route's own, or the one of a
 * whole transaction Bundle). Order: scope, FHIR validation, the target row, If-Match, the
 * portal's rules and the write (in the type's `save`), the access log. Anything that fails
 * throws, and the transaction stores nothing.
 */
export async function writeResource(trx: Db, context: FhirContext, type: FhirResourceType, resource: unknown, target: WriteTarget, ifMatch: number | undefined): Promise<WriteResult> {
  requireCreateOrUpdateScope(context, type)
  if (typeof resource !== 'object' || resource === null || Array.isArray(resource)) throw fhirBadRequest('the body must be a FHIR resource')
  const candidate = resource as Resource
  if (candidate.resourceType !== type.resourceType) throw fhirBadRequest(`expected a ${type.resourceType}`, 'resourceType')
  validateFhirResource(candidate)

  if (target.kind === 'create' && target.ifNoneExist) {
    // Conditional create (If-None-Exist): one match is answered as it is, more than one is
    // ambiguous. The match is returned, so looking it up needs the search scope. The search is
    // a search like any other: an identifier finds only rows that identifier's own system names.
    requireScope(context.caller, type.resourceType, 's')
    const matches = await findMatches(trx, context, type, { ...target.ifNoneExist, count: 2 })
    if (matches.length > 1) throw new AppError('precondition_failed', 'If-None-Exist matches more than one')
    if (matches[0]) {
      await logAccess(trx, context, type, 'read', matches[0])
      return { stored: (await labelSourceIdentifiers(trx, context, type.resourceType, [matches[0]]))[0]!, created: false, warnings: [] }
    }
  }

  const ecdId = ecdIdentifierValue(context, candidate, target)
  let existing: StoredResource | undefined
  // The caller's own identifier for the row (undefined: it names the row for the first time).
  let own: SourceIdentifier | undefined
  if (target.kind === 'id') {
    if (candidate.id !== undefined && candidate.id !== target.id) throw fhirBadRequest('the id in the body differs from the id in the URL', `${type.resourceType}.id`)
    existing = await type.read(trx, context, target.id)
    if (!existing) throw notFound(type.resourceType)
    const sources = await sourceIdentifiersOf(trx, type.resourceType, [existing.id])
    own = sources.find((s) => s.system === context.caller.identifierSystem)
    if (sources.length > 0 && !own) throw otherSource(type, 'this resource was written by another source system; a client writes only resources it has its own identifier for')
  } else if (ecdId !== null) {
    const found = await findOwnRow(trx, context, type, ecdId)
    existing = found?.stored
    own = found?.source
    if (!existing && type.matchAcrossSources) existing = await type.matchAcrossSources(trx, context, candidate)
    if (existing && target.kind === 'create') throw new FhirError('conflict', [issue('duplicate', `${type.resourceType}.identifier`, 'a resource with this identifier exists: use a conditional update (PUT <Type>?identifier=<system>|<value>)')], 'ECD identifier exists')
  }
  checkIfMatch(ifMatch, existing)
  requireScope(context.caller, type.resourceType, existing ? 'u' : 'c')

  // Found through the cross-source rule: the caller links its identifier and owns nothing of the row.
  if (existing && !own && ecdId !== null && target.kind !== 'id') {
    const sources = await sourceIdentifiersOf(trx, type.resourceType, [existing.id])
    if (sources.some((s) => s.system === context.caller.identifierSystem)) throw otherSource(type, 'the resource this one matches (a Patient by its BSN) already has another identifier in your system: two of your records would become one')
    if (sources.length > 0) {
      await registerSourceIdentifier(trx, context, type.resourceType, ecdId, existing.id, false)
      await logAccess(trx, context, type, 'update', existing)
      return { stored: existing, created: false, warnings: [notOwnedWarning(type)] }
    }
  }
  if (existing && own && !own.owner) {
    await logAccess(trx, context, type, 'read', existing)
    return { stored: existing, created: false, warnings: [notOwnedWarning(type)] }
  }

  const { stored, changed, warnings = [] } = await type.save(trx, context, candidate, ecdId, existing)
  // A new row, or one no source had named yet (written before identifiers had systems): the caller owns it.
  if (!own && ecdId !== null) await registerSourceIdentifier(trx, context, type.resourceType, ecdId, stored.id, true)
  if (changed || !existing) await logAccess(trx, context, type, existing ? 'update' : 'create', stored)
  else await logAccess(trx, context, type, 'read', stored)
  // A row the caller just made has only the caller's identifier, which the mapping already labels.
  const labelled = existing ? (await labelSourceIdentifiers(trx, context, type.resourceType, [stored]))[0]! : stored
  return { stored: labelled, created: !existing, warnings: [...warnings, ...notKeptElements(candidate, labelled.resource)] }
}

/** Create or update: which one is known once the target row is looked up; neither allowed is refused at once. */
export function requireCreateOrUpdateScope(context: FhirContext, type: Pick<FhirResourceType, 'resourceType'>): void {
  if (!scopesAllow(context.caller.scopes, type.resourceType, 'c') && !scopesAllow(context.caller.scopes, type.resourceType, 'u')) requireScope(context.caller, type.resourceType, 'u')
}

function otherSource(type: FhirResourceType, text: string): FhirError {
  return new FhirError('conflict', [issue('conflict', `${type.resourceType}.identifier`, text)], 'another source system')
}

/** A linked source's push changes nothing of a row another source created (field ownership). */
export function notOwnedWarning(type: Pick<FhirResourceType, 'resourceType'>): OperationOutcomeIssue {
  return {
    severity: 'warning', code: 'business-rule', expression: [type.resourceType],
    details: { text: 'linked to a client another source system created: its fields belong to that source and were not changed by this push' },
  }
}

/**
 * The ECD's own identifier value: from a conditional URL (which must be the client's registered
 * system, and agree with the body), else from the body's identifier with that system.
 */
export function ecdIdentifierValue(context: FhirContext, resource: Resource, target: WriteTarget): string | null {
  const identifiers = ('identifier' in resource ? (resource.identifier as Identifier[] | undefined) : undefined) ?? []
  const fromBody = identifiers.find((i) => i.system === context.caller.identifierSystem)?.value ?? null
  if (target.kind !== 'identifier') return fromBody
  if (target.system !== context.caller.identifierSystem) throw fhirBadRequest('conditional update works on the ECD identifier system registered for this client', 'identifier')
  if (fromBody !== null && fromBody !== target.value) throw fhirBadRequest('the identifier in the body differs from the one in the URL', 'identifier')
  return target.value
}

async function logAccess(trx: Db, context: FhirContext, type: FhirResourceType, action: 'read' | 'create' | 'update', stored: StoredResource): Promise<void> {
  await recordAccess(trx, integrationActor(context.caller), context.source, {
    action,
    outcome: 'success',
    clientId: stored.clientId,
    dataKind: type.dataKind,
    recordId: stored.id,
  }, context.now)
}
