import type { Identifier, Resource } from '@medplum/fhirtypes'
import { sql } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import { anyOf } from '../../platform/db/bulk-parameters.ts'
import type { FhirContext, FhirResourceType, StoredResource } from './fhir-resource-type.ts'

/**
 * Identifiers per source system (docs/decisions/fhir-identifiers.md): every integration client
 * writes under its own identifier system, and a value is looked up only with that system, so two
 * sources that both number a client "X-P1" never reach each other's rows. The source that
 * created a row owns it; another source reaches it only through an explicit match (the BSN, for
 * a Patient) and then only links its identifier.
 */

export interface SourceIdentifier {
  system: string
  value: string
  rowId: string
  owner: boolean
}

/** The row a source's identifier names, if any. */
export async function findBySourceIdentifier(db: Db, resourceType: string, system: string, value: string): Promise<SourceIdentifier | undefined> {
  const row = await db.selectFrom('fhir_source_identifier').select(['system', 'value', 'row_id', 'owner'])
    .where('resource_type', '=', resourceType).where('system', '=', system).where('value', '=', value).executeTakeFirst()
  return row && { system: row.system, value: row.value, rowId: row.row_id, owner: row.owner }
}

/** The rows these values of one source's system name (a whole Bundle's identifiers in one statement). */
export async function findBySourceIdentifiers(db: Db, resourceType: string, system: string, values: readonly string[]): Promise<SourceIdentifier[]> {
  if (values.length === 0) return []
  const rows = await db.selectFrom('fhir_source_identifier').select(['system', 'value', 'row_id', 'owner'])
    .where('resource_type', '=', resourceType).where('system', '=', system).where('value', '=', anyOf(values, 'text')).execute()
  return rows.map((row) => ({ system: row.system, value: row.value, rowId: row.row_id, owner: row.owner }))
}

/** Every source identifier of these rows. */
export async function sourceIdentifiersOf(db: Db, resourceType: string, rowIds: readonly string[]): Promise<SourceIdentifier[]> {
  if (rowIds.length === 0) return []
  const rows = await db.selectFrom('fhir_source_identifier').select(['system', 'value', 'row_id', 'owner'])
    .where('resource_type', '=', resourceType).where('row_id', '=', anyOf(rowIds, 'uuid')).orderBy('owner', 'desc').orderBy('created_at').execute()
  return rows.map((row) => ({ system: row.system, value: row.value, rowId: row.row_id, owner: row.owner }))
}

/** Records that the caller's source knows this row by `value`; `owner` when it created the row. */
export async function registerSourceIdentifier(db: Db, context: FhirContext, resourceType: string, value: string, rowId: string, owner: boolean): Promise<void> {
  await db.insertInto('fhir_source_identifier').values({
    resource_type: resourceType, system: context.caller.identifierSystem, value, row_id: rowId,
    integration_client_id: context.caller.id, owner, created_at: context.now,
  }).execute()
}

/** registerSourceIdentifier for many rows in one statement (one array per column, for `unnest`). */
export async function registerSourceIdentifiers(db: Db, context: FhirContext, resourceType: string, named: readonly { value: string; rowId: string; owner: boolean }[]): Promise<void> {
  if (named.length === 0) return
  await sql`
    insert into fhir_source_identifier (resource_type, system, value, row_id, integration_client_id, owner, created_at)
    select ${resourceType}, ${context.caller.identifierSystem}, v.value, v.row_id, ${context.caller.id}::uuid, v.owner, ${context.now}::timestamptz
    from unnest(${named.map((n) => n.value)}::text[], ${named.map((n) => n.rowId)}::uuid[], ${named.map((n) => n.owner)}::boolean[]) as v(value, row_id, owner)`.execute(db)
}

/**
 * The row the caller's own identifier names. A row written before identifiers had systems (or
 * by the demo data) has no source identifier yet: the first source to name its value adopts it.
 */
export async function findOwnRow(db: Db, context: FhirContext, type: FhirResourceType, value: string): Promise<{ stored: StoredResource; source: SourceIdentifier } | undefined> {
  const known = await findBySourceIdentifier(db, type.resourceType, context.caller.identifierSystem, value)
  if (known) {
    const stored = await type.read(db, context, known.rowId)
    return stored && { stored, source: known }
  }
  const unclaimed = await type.findByEcdId(db, context, value)
  if (!unclaimed || (await sourceIdentifiersOf(db, type.resourceType, [unclaimed.id])).length > 0) return undefined
  await registerSourceIdentifier(db, context, type.resourceType, value, unclaimed.id, true)
  return { stored: unclaimed, source: { system: context.caller.identifierSystem, value, rowId: unclaimed.id, owner: true } }
}

/**
 * Answers name each row by the identifiers its sources gave it, each with its own system. The
 * mappings label the row's ECD number with the caller's system; that label is replaced, so a
 * source never sees another's number as its own. Rows no source has named keep the mapping's.
 */
export async function labelSourceIdentifiers<S extends StoredResource>(db: Db, context: FhirContext, resourceType: string, found: S[]): Promise<S[]> {
  const known = await sourceIdentifiersOf(db, resourceType, found.map((s) => s.id))
  if (known.length === 0) return found
  return found.map((stored) => labelWith(context, stored, known.filter((k) => k.rowId === stored.id)))
}

/** labelSourceIdentifiers of one row whose source identifiers (`own`, owner first) are already read. */
export function labelWith<S extends StoredResource>(context: FhirContext, stored: S, own: readonly SourceIdentifier[]): S {
  if (own.length === 0 || !('identifier' in stored.resource)) return stored
  const others = ((stored.resource.identifier as Identifier[] | undefined) ?? []).filter((i) => i.system !== context.caller.identifierSystem)
  const identifier: Identifier[] = [...own.map((k) => ({ system: k.system, value: k.value })), ...others]
  return { ...stored, resource: { ...stored.resource, identifier } as Resource }
}
