import type { Extension, Identifier, Observation, Reference } from '@medplum/fhirtypes'
import type { Selectable } from 'kysely'
import type { ReportTable } from '../../../record/reports/report.table.ts'
import { unprocessable } from '../fhir-errors.ts'
import { patientReference, practitionerReference } from '../fhir-references.ts'

export type ReportRow = Selectable<ReportTable> & { author_name?: string | null }

/** LOINC 11506-3 "Progress note": what a daily report is (docs/decisions/fhir-reports.md). */
export const PROGRESS_NOTE = { system: 'http://loinc.org', code: '11506-3', display: 'Progress note' } as const
/** HL7's core extension for "this resource is about that goal": the care-plan goal, as text. */
export const PERTAINS_TO_GOAL = 'http://hl7.org/fhir/StructureDefinition/resource-pertainsToGoal'
const BODY_MAX = 20_000

/** The portal's own extension: whether the client and their representatives see the report. */
export function visibleInPortalUrl(portalBaseUrl: URL): string {
  return new URL('/fhir/StructureDefinition/visible-in-portal', portalBaseUrl).href
}

/** What an Observation sets; the references are checked against the database by the caller. */
export interface ReportInput {
  subject: Reference | undefined
  author: Reference | undefined
  columns: { body: string; reported_at: Date; care_plan_goal: string; visible_in_portal: boolean }
}

/** Observation (progress note) → report columns, with the portal's rules (422 when one is not met). */
export function observationToReport(observation: Observation, portalBaseUrl: URL): ReportInput {
  const isNote = observation.code?.coding?.some((c) => c.system === PROGRESS_NOTE.system && c.code === PROGRESS_NOTE.code)
  if (!isNote) throw unprocessable('Observation.code', `a report is an Observation with code ${PROGRESS_NOTE.system}|${PROGRESS_NOTE.code}`)
  const body = observation.valueString?.trim() ?? ''
  if (!body) throw unprocessable('Observation.valueString', 'the report text is required, as valueString')
  if (body.length > BODY_MAX) throw unprocessable('Observation.valueString', `the report text is at most ${BODY_MAX} characters`)
  const when = observation.effectiveDateTime ?? observation.effectivePeriod?.start ?? observation.issued
  if (!when || !/T\d{2}:\d{2}/.test(when)) throw unprocessable('Observation.effectiveDateTime', 'the moment of the report (date and time) is required')
  const visible = observation.extension?.find((e) => e.url === visibleInPortalUrl(portalBaseUrl))
  if (visible && typeof visible.valueBoolean !== 'boolean') throw unprocessable('Observation.extension', 'visible-in-portal takes a valueBoolean')
  const goal = observation.extension?.find((e) => e.url === PERTAINS_TO_GOAL)?.valueReference?.display ?? ''
  const author = observation.performer?.find((p) => p.reference?.startsWith('Practitioner/'))
  return {
    subject: observation.subject,
    author,
    columns: { body, reported_at: new Date(when), care_plan_goal: goal.trim(), visible_in_portal: visible?.valueBoolean ?? true },
  }
}

/** Report row → Observation; only named columns leave the server. */
export function reportToObservation(row: ReportRow, identifierSystem: string, portalBaseUrl: URL): Observation {
  const identifier: Identifier[] = row.ecd_id ? [{ system: identifierSystem, value: row.ecd_id }] : []
  const extension: Extension[] = [{ url: visibleInPortalUrl(portalBaseUrl), valueBoolean: row.visible_in_portal }]
  if (row.care_plan_goal) extension.push({ url: PERTAINS_TO_GOAL, valueReference: { display: row.care_plan_goal } })
  return {
    resourceType: 'Observation',
    id: row.id,
    meta: { versionId: String(row.version), lastUpdated: row.updated_at.toISOString() },
    extension,
    ...(identifier.length > 0 ? { identifier } : {}),
    status: 'final',
    code: { coding: [{ ...PROGRESS_NOTE }], text: 'Rapportage' },
    subject: patientReference(row.client_id),
    effectiveDateTime: row.reported_at.toISOString(),
    ...(row.author_staff_id ? { performer: [practitionerReference(row.author_staff_id, row.author_name)] } : {}),
    valueString: row.body,
  }
}
