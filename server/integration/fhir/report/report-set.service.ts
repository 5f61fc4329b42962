import type { Observation, Resource } from '@medplum/fhirtypes'
import { randomUUID } from 'node:crypto'
import { isDeepStrictEqual } from 'node:util'
import { type AccessEvent, recordAccesses } from '../../../platform/access-log/access-log.service.ts'
import type { AccessAction } from '../../../platform/access-log/access-log.table.ts'
import type { Db } from '../../../platform/db/database.ts'
import { notifyRecordChange } from '../../../record/notifications/notification.service.ts'
import { requireScope } from '../fhir-auth.ts'
import { withPathSync } from '../fhir-entry-errors.ts'
import { FhirError, issue, uniqueIndexConflict } from '../fhir-errors.ts'
import { notKeptElements } from '../fhir-not-kept.ts'
import { ecdIdentifierValue, notOwnedWarning, requireCreateOrUpdateScope, type WriteResult, type WriteTarget } from '../fhir-operations.service.ts'
import { existingClientIds, findStaffMembers } from '../fhir-references.repository.ts'
import { optionalKnownStaffMember, referencedId, requireKnownClient } from '../fhir-references.ts'
import { type FhirContext, integrationActor, type StoredResource } from '../fhir-resource-type.ts'
import { findBySourceIdentifiers, labelWith, registerSourceIdentifiers, type SourceIdentifier, sourceIdentifiersOf } from '../fhir-source-identifiers.ts'
import { validateFhirResource } from '../fhir-validator.ts'
import { checkIfMatch } from '../fhir-versions.ts'
import { isPlainProgressNote } from './progress-note-shape.ts'
import { observationToReport, type ReportInput, type ReportRow, reportToObservation } from './report.mapping.ts'
import { findReportsByIdsOrEcdIds, insertReports, type ReportColumns, updateReports } from './report.repository.ts'
import { reportType } from './report.resource.ts'

/**
 * The report writes of a transaction Bundle as one set (docs/decisions/fhir-bulk-reports.md):
 * the same rules, answers, versions and access log as writeResource gives each entry, in a
 * fixed number of statements per Bundle instead of five or more per report. First every entry
 * is checked without the database (FHIR validation, identifier, the portal's rules), then one
 * look-up per kind (the caller's identifiers, the rows, their sources, the clients, the
 * writers), then the decisions per entry in memory, then multi-row writes and one access-log
 * INSERT naming every report. Anything refused throws with its Bundle.entry index; the caller's
 * transaction then stores nothing.
 */

/** An entry the set can write: a create without If-None-Exist, or a conditional update on the caller's identifier. */
export interface ReportSetEntry {
  index: number
  /** The Observation with references to other entries already replaced by `Type/id`. */
  resource: Resource
  target: Extract<WriteTarget, { kind: 'create' } | { kind: 'identifier' }>
  ifMatch: number | undefined
}

/** Whether an entry can go into the report set (else it is written one by one, as any resource). */
export function fitsReportSet(resourceType: string, target: WriteTarget): target is ReportSetEntry['target'] {
  return resourceType === reportType.resourceType && (target.kind === 'identifier' || (target.kind === 'create' && !target.ifNoneExist))
}

interface Checked {
  entry: ReportSetEntry
  observation: Observation
  ecdId: string | null
  input: ReportInput
}

/** What one entry does, decided in memory from the look-ups. */
type Decision =
  | { kind: 'insert'; checked: Checked; columns: ReportColumns & { id: string }; authorName: string | null }
  | { kind: 'update'; checked: Checked; row: ReportRow; columns: ReportColumns; authorName: string | null; sources: SourceIdentifier[] }
  | { kind: 'unchanged'; checked: Checked; row: ReportRow; sources: SourceIdentifier[] }
  | { kind: 'not-owned'; checked: Checked; row: ReportRow }

/** Writes the set inside the caller's transaction; the results by Bundle.entry index. */
export async function writeReportSet(trx: Db, context: FhirContext, entries: readonly ReportSetEntry[]): Promise<Map<number, WriteResult>> {
  if (entries.length === 0) return new Map()
  withPathSync(entries[0]!.index, () => requireCreateOrUpdateScope(context, reportType))
  const checked = entries.map((entry) => withPathSync(entry.index, () => check(context, entry)))
  const decisions = await decide(trx, context, checked)

  const inserted = await insertReports(trx, decisions.flatMap((d) => (d.kind === 'insert' ? [d.columns] : [])), context.now)
  const updated = await updateReports(trx, decisions.flatMap((d) => (d.kind === 'update' ? [{ id: d.row.id, columns: d.columns }] : [])), context.now)
  const written = new Map([...inserted, ...updated].map((row) => [row.id, row]))
  const writtenRow = (id: string, authorName: string | null): ReportRow => ({ ...written.get(id)!, author_name: authorName })
  // A new row, or one no source had named yet (written before identifiers had systems): the caller owns it.
  await registerSourceIdentifiers(trx, context, reportType.resourceType, decisions.flatMap((d) => {
    const { ecdId } = d.checked
    const unnamed = d.kind === 'insert' || ((d.kind === 'update' || d.kind === 'unchanged') && d.sources.length === 0)
    return unnamed && ecdId !== null ? [{ value: ecdId, rowId: d.kind === 'insert' ? d.columns.id : d.row.id, owner: true }] : []
  }))

  const results = new Map<number, WriteResult>()
  const events: AccessEvent[] = []
  const newsFor = new Set<string>()
  for (const decision of decisions) {
    const { entry, observation, ecdId } = decision.checked
    let action: AccessAction
    let result: WriteResult
    if (decision.kind === 'not-owned') {
      action = 'read'
      result = { stored: storedOf(context, decision.row), created: false, warnings: [notOwnedWarning(reportType)] }
    } else {
      const row = decision.kind === 'insert' ? writtenRow(decision.columns.id, decision.authorName)
        : decision.kind === 'update' ? writtenRow(decision.row.id, decision.authorName) : decision.row
      // A row the caller just made has only the caller's identifier, which the mapping already labels.
      const stored = decision.kind === 'insert' ? storedOf(context, row) : labelWith(context, storedOf(context, row), labelsOf(context, decision.sources, ecdId, row.id))
      action = decision.kind === 'insert' ? 'create' : decision.kind === 'update' ? 'update' : 'read'
      result = { stored, created: decision.kind === 'insert', warnings: notKeptElements(observation, stored.resource) }
      // A report that is new and visible, or becomes visible, is news for the client's linked accounts.
      if (row.visible_in_portal && (decision.kind === 'insert' || (decision.kind === 'update' && !decision.row.visible_in_portal))) newsFor.add(row.client_id)
    }
    results.set(entry.index, result)
    events.push({ action, outcome: 'success', clientId: result.stored.clientId, dataKind: reportType.dataKind, recordId: result.stored.id })
  }
  // One INSERT for the whole set: the rows travel as one array per column (access-log.repository.ts).
  await recordAccesses(trx, integrationActor(context.caller), context.source, events, context.now)
  // One notice per client and Bundle, however many of its reports the Bundle brings.
  for (const clientId of newsFor) await notifyRecordChange(trx, { kind: 'report', clientId, portalUrl: new URL('/', context.portalBaseUrl).href }, context.now)
  return results
}

/** What needs no database: FHIR validation, the ECD identifier, the portal's rules for a report. */
function check(context: FhirContext, entry: ReportSetEntry): Checked {
  const observation = entry.resource as Observation
  validateFhirResource(observation, isPlainProgressNote)
  const ecdId = ecdIdentifierValue(context, observation, entry.target)
  return { entry, observation, ecdId, input: observationToReport(observation, context.portalBaseUrl) }
}

/**
 * One look-up per kind for the whole set, then per entry (in Bundle order) what writeResource
 * would decide: the row the caller's identifier names (or an unclaimed row with that ECD number,
 * which the caller adopts), 409 for a create of an existing identifier or a number another source
 * uses, If-Match, the scope for create or update, the client and the writer, and whether
 * anything changed.
 */
async function decide(trx: Db, context: FhirContext, checked: readonly Checked[]): Promise<Decision[]> {
  const values = checked.flatMap((c) => (c.ecdId === null ? [] : [c.ecdId]))
  const own = new Map((await findBySourceIdentifiers(trx, reportType.resourceType, context.caller.identifierSystem, values)).map((s) => [s.value, s]))
  const rows = await findReportsByIdsOrEcdIds(trx, [...own.values()].map((s) => s.rowId), values.filter((v) => !own.has(v)))
  const byId = new Map(rows.map((row) => [row.id, row]))
  const byEcdId = new Map(rows.flatMap((row) => (row.ecd_id === null ? [] : [[row.ecd_id, row] as const])))
  const sources = new Map<string, SourceIdentifier[]>()
  for (const source of await sourceIdentifiersOf(trx, reportType.resourceType, rows.map((row) => row.id))) sources.set(source.rowId, [...(sources.get(source.rowId) ?? []), source])
  const clients = await existingClientIds(trx, checked.flatMap((c) => referencedId(c.input.subject, 'Patient') ?? []))
  const staff = await findStaffMembers(trx, checked.flatMap((c) => referencedId(c.input.author, 'Practitioner') ?? []))

  return checked.map((c) => withPathSync(c.entry.index, (): Decision => {
    const ownId = c.ecdId === null ? undefined : own.get(c.ecdId)
    let row: ReportRow | undefined
    if (ownId) {
      row = byId.get(ownId.rowId)
      // The caller's identifier names a row that is gone: the identifier cannot name a new one.
      if (!row) throw uniqueIndexConflict('fhir_source_identifier_pkey')
    } else if (c.ecdId !== null) {
      row = byEcdId.get(c.ecdId)
      // Another source's report with this number: the portal keeps one row per value (fhir-identifiers.md).
      if (row && (sources.get(row.id) ?? []).length > 0) throw uniqueIndexConflict('report_ecd_id_key')
    }
    if (row && c.entry.target.kind === 'create') {
      throw new FhirError('conflict', [issue('duplicate', 'Observation.identifier', 'a resource with this identifier exists: use a conditional update (PUT <Type>?identifier=<system>|<value>)')], 'ECD identifier exists')
    }
    checkIfMatch(c.entry.ifMatch, row && storedOf(context, row))
    requireScope(context.caller, reportType.resourceType, row ? 'u' : 'c')
    if (row && ownId && !ownId.owner) return { kind: 'not-owned', checked: c, row }

    const clientId = requireKnownClient(clients, c.input.subject, 'Observation.subject')
    const author = optionalKnownStaffMember(staff, c.input.author, 'Observation.performer')
    const columns: ReportColumns = { ...c.input.columns, client_id: clientId, author_staff_id: author?.id ?? null, ecd_id: c.ecdId }
    const authorName = author?.name ?? null
    if (!row) return { kind: 'insert', checked: c, columns: { ...columns, id: randomUUID() }, authorName }
    const rowSources = sources.get(row.id) ?? []
    const unchanged = (Object.keys(columns) as (keyof ReportColumns)[]).every((key) => isDeepStrictEqual(row[key], columns[key]))
    return unchanged ? { kind: 'unchanged', checked: c, row, sources: rowSources } : { kind: 'update', checked: c, row, columns, authorName, sources: rowSources }
  }))
}

/** The identifiers an existing row is labelled with: its sources, or the caller's alone when it just adopted the row. */
function labelsOf(context: FhirContext, sources: readonly SourceIdentifier[], ecdId: string | null, rowId: string): SourceIdentifier[] {
  if (sources.length > 0 || ecdId === null) return [...sources]
  return [{ system: context.caller.identifierSystem, value: ecdId, rowId, owner: true }]
}

function storedOf(context: FhirContext, row: ReportRow): StoredResource<Observation> {
  return { resource: reportToObservation(row, context.caller.identifierSystem, context.portalBaseUrl), id: row.id, version: row.version, clientId: row.client_id }
}
