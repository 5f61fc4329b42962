import type { OperationOutcomeIssue, Resource } from '@medplum/fhirtypes'
import type { FieldCipher } from '../../platform/crypto/field-encryption.ts'
import type { Db } from '../../platform/db/database.ts'
import type { Actor, RequestSource } from '../../platform/access-log/access-log.service.ts'

/** The integration client a request acts for, from its bearer token. */
export interface IntegrationCaller {
  id: string
  name: string
  /** The system of the ECD's own identifiers: the value is kept as the row's ecd_id. */
  identifierSystem: string
  scopes: string
  requestsPerMinute: number
}

/** What every FHIR operation needs besides the database. */
export interface FhirContext {
  caller: IntegrationCaller
  cipher: FieldCipher
  source: RequestSource
  now: Date
  /** The portal's public address: its own extensions live under it, and links in e-mails point to it. */
  portalBaseUrl: URL
}

export function integrationActor(caller: IntegrationCaller): Actor {
  return { type: 'integration', id: caller.id, role: 'ecd', name: caller.name }
}

/** A resource as stored: the portal row it maps to, its client (for the access log) and version. */
export interface StoredResource<R extends Resource = Resource> {
  resource: R
  id: string
  version: number
  clientId: string | null
}

/** `_lastUpdated=gt2026-11-01T00:00:00Z`: one comparison of the row's updated_at. */
export interface LastUpdated {
  op: '>' | '>=' | '<' | '<='
  at: Date
  /** A next page (`_cursor`): after this row of the same instant, as rows are ordered by (updated_at, id). */
  afterId?: string
}

export interface SearchQuery {
  /** The portal id of the client (from `patient=` or `subject=`). */
  patient?: string
  /** `identifier=<system>|<value>`; a BSN only ever arrives in a POST body. */
  identifier?: { system: string; value: string }
  lastUpdated: LastUpdated[]
  count: number
  /** `_id`: only these ids (the portal's own). */
  ids?: string[]
  /** `_summary=count` or `_count=0`: the number of matches, no resources. */
  countOnly?: boolean
  /** `_total`: `accurate` counts every match, `none` leaves the total out. */
  total?: 'none' | 'estimate' | 'accurate'
  /** `_elements`: the top-level elements each resource keeps (besides id and meta). */
  elements?: string[]
  /** The parameters as applied, in order: the Bundle's `self` link (unknown ones left out, as R4 says). */
  applied: [string, string][]
}

/**
 * One FHIR resource type mapped onto the portal's tables. Each lives in its own folder
 * (`patient/`, ...) with its mapping (FHIR ⇄ row), its repository and a mapping test, and is
 * listed in `fhir-resource-types.ts`. The generic operations (read, search, create, update,
 * transaction) do scopes, validation, versions and the access log; a type only maps and stores.
 */
export interface FhirResourceType<R extends Resource = Resource> {
  resourceType: R['resourceType']
  /** What the access log calls this kind of data. */
  dataKind: string
  /** Search parameters besides `_id`, `_lastUpdated` and `_count`, for the CapabilityStatement. */
  searchParams: readonly ('patient' | 'identifier')[]
  /**
   * The writes `save` carries out (the CapabilityStatement names these and no others): both
   * when left out; `save` refuses the others (501 read-only, 422 a portal rule).
   */
  writes?: readonly ('create' | 'update')[]
  read: (db: Db, context: FhirContext, id: string) => Promise<StoredResource<R> | undefined>
  findByEcdId: (db: Db, context: FhirContext, ecdId: string) => Promise<StoredResource<R> | undefined>
  search: (db: Db, context: FhirContext, query: SearchQuery) => Promise<StoredResource<R>[]>
  /**
   * Applies the portal's rules (422 via `unprocessable`), then inserts or updates the row.
   * `ecdId` is the ECD's own identifier value. Returns the stored resource and whether anything
   * changed (a repeated push changes nothing and keeps the version).
   */
  save: (db: Db, context: FhirContext, resource: R, ecdId: string | null, existing: StoredResource<R> | undefined) => Promise<{ stored: StoredResource<R>; changed: boolean; warnings?: OperationOutcomeIssue[] }>
  /**
   * The documented rule by which another source's row is the same thing as this resource (for a
   * Patient: the BSN). Without it a source reaches only rows it has an identifier for.
   */
  matchAcrossSources?: (db: Db, context: FhirContext, resource: R) => Promise<StoredResource<R> | undefined>
}
