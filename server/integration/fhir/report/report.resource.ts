import type { Observation } from '@medplum/fhirtypes'
import { isDeepStrictEqual } from 'node:util'
import type { FhirContext, FhirResourceType, StoredResource } from '../fhir-resource-type.ts'
import { optionalStaffMember, requireClient } from '../fhir-references.ts'
import { observationToReport, type ReportRow, reportToObservation } from './report.mapping.ts'
import { findReportByEcdId, findReportById, insertReport, searchReports, updateReport } from './report.repository.ts'

function stored(row: ReportRow, context: FhirContext): StoredResource<Observation> {
  return { resource: reportToObservation(row, context.caller.identifierSystem, context.portalBaseUrl), id: row.id, version: row.version, clientId: row.client_id }
}

/** Observation (LOINC progress note) ⇄ report (docs/decisions/fhir-reports.md). */
export const reportType: FhirResourceType<Observation> = {
  resourceType: 'Observation',
  dataKind: 'report',
  searchParams: ['patient', 'identifier'],

  async read(db, context, id) {
    const row = await findReportById(db, id)
    return row && stored(row, context)
  },

  async findByEcdId(db, context, ecdId) {
    const row = await findReportByEcdId(db, ecdId)
    return row && stored(row, context)
  },

  async search(db, context, query) {
    if (query.identifier && query.identifier.system !== context.caller.identifierSystem) return []
    const rows = await searchReports(db, { query, ...(query.identifier ? { ecdId: query.identifier.value } : {}) })
    return rows.map((row) => stored(row, context))
  },

  async save(db, context, observation, ecdId, existing) {
    const input = observationToReport(observation, context.portalBaseUrl)
    const clientId = await requireClient(db, input.subject, 'Observation.subject')
    const author = await optionalStaffMember(db, input.author, 'Observation.performer')
    const columns = { ...input.columns, client_id: clientId, author_staff_id: author?.id ?? null, ecd_id: ecdId }
    if (existing) {
      const current = (await findReportById(db, existing.id))!
      if (Object.entries(columns).every(([key, value]) => isDeepStrictEqual(current[key as keyof ReportRow], value))) return { stored: stored(current, context), changed: false }
      return { stored: stored(await updateReport(db, existing.id, { ...columns, updated_at: context.now }), context), changed: true }
    }
    const row = await insertReport(db, { ...columns, created_at: context.now, updated_at: context.now })
    return { stored: stored(row, context), changed: true }
  },
}
