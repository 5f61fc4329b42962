import type { Observation } from '@medplum/fhirtypes'
import { isDeepStrictEqual } from 'node:util'
import type { FhirResourceType } from '../fhir-resource-type.ts'
import { rowReads } from '../fhir-row-reads.ts'
import { optionalStaffMember, requireClient } from '../fhir-references.ts'
import { observationToReport, type ReportRow, reportToObservation } from './report.mapping.ts'
import { notifyRecordChange } from '../../../record/notifications/notification.service.ts'
import { findReportByEcdId, findReportById, insertReport, searchReports, updateReport } from './report.repository.ts'

const { stored, ...reads } = rowReads<Observation, ReportRow>(
  { findById: findReportById, findByEcdId: findReportByEcdId, search: searchReports },
  (row, context) => reportToObservation(row, context.caller.identifierSystem, context.portalBaseUrl),
  (row) => row.client_id,
)

/** Observation (LOINC progress note) ⇄ report (docs/decisions/fhir-reports.md). */
export const reportType: FhirResourceType<Observation> = {
  resourceType: 'Observation',
  dataKind: 'report',
  searchParams: ['patient', 'identifier'],

  ...reads,

  async save(db, context, observation, ecdId, existing) {
    const input = observationToReport(observation, context.portalBaseUrl)
    const clientId = await requireClient(db, input.subject, 'Observation.subject')
    const author = await optionalStaffMember(db, input.author, 'Observation.performer')
    const columns = { ...input.columns, client_id: clientId, author_staff_id: author?.id ?? null, ecd_id: ecdId }
    if (existing) {
      const current = (await findReportById(db, existing.id))!
      if (Object.entries(columns).every(([key, value]) => isDeepStrictEqual(current[key as keyof ReportRow], value))) return { stored: stored(current, context), changed: false }
      const updated = await updateReport(db, existing.id, { ...columns, updated_at: context.now })
      // A report that becomes visible in the portal is news for the linked accounts.
      if (updated.visible_in_portal && !current.visible_in_portal) await notifyRecordChange(db, { kind: 'report', clientId, portalUrl: new URL('/', context.portalBaseUrl).href }, context.now)
      return { stored: stored(updated, context), changed: true }
    }
    const row = await insertReport(db, { ...columns, created_at: context.now, updated_at: context.now })
    if (row.visible_in_portal) await notifyRecordChange(db, { kind: 'report', clientId, portalUrl: new URL('/', context.portalBaseUrl).href }, context.now)
    return { stored: stored(row, context), changed: true }
  },
}
