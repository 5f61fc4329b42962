import type { Appointment, AppointmentParticipant, Extension, Practitioner, Reference, RelatedPerson } from '@medplum/fhirtypes'
import type { Selectable } from 'kysely'
import type { AppointmentTable } from '../../../record/appointments/appointment.table.ts'
import { unprocessable } from '../fhir-errors.ts'
import { patientReference, practitionerReference } from '../fhir-references.ts'

export type AppointmentRow = Selectable<AppointmentTable> & { account_name: string | null; staff_name: string | null }

const TITLE_MAX = 200

/** The portal's own extension: who made the appointment (R4 Appointment has no element for it). */
export function madeByUrl(portalBaseUrl: URL): string {
  return new URL('/fhir/StructureDefinition/appointment-made-by', portalBaseUrl).href
}

export interface AppointmentInput {
  patient: Reference | undefined
  columns: { starts_at: Date; ends_at: Date; title: string; location: string; with_whom: string; cancelled_at: Date | null; comment: string }
}

/** Appointment → appointment columns (422 when a portal rule is not met). */
export function appointmentToColumns(appointment: Appointment, now: Date): AppointmentInput {
  if (!appointment.start || !appointment.end) throw unprocessable('Appointment.start', 'an appointment needs a start and an end')
  const starts = new Date(appointment.start)
  const ends = new Date(appointment.end)
  if (ends < starts) throw unprocessable('Appointment.end', 'the end lies before the start')
  const title = (appointment.description ?? appointment.serviceType?.[0]?.text ?? '').trim()
  if (!title || title.length > TITLE_MAX) throw unprocessable('Appointment.description', `the description (what the appointment is) is required, at most ${TITLE_MAX} characters`)
  const actors = (appointment.participant ?? []).flatMap((p) => (p.actor ? [p.actor] : []))
  const patient = actors.find((a) => a.reference?.startsWith('Patient/'))
  const location = actors.find((a) => a.type === 'Location' || a.reference?.startsWith('Location/'))?.display ?? ''
  const withWhom = actors.filter((a) => a.type === 'Practitioner' || a.reference?.startsWith('Practitioner/')).map((a) => a.display ?? '').filter(Boolean).join(', ')
  const cancelled = appointment.status === 'cancelled' || appointment.status === 'noshow'
  return { patient, columns: { starts_at: starts, ends_at: ends, title, location, with_whom: withWhom, cancelled_at: cancelled ? now : null, comment: appointment.comment ?? '' } }
}

/** Appointment row → Appointment, with who made it (an account in the portal, or a staff member). */
export function appointmentRowToFhir(row: AppointmentRow, identifierSystem: string, portalBaseUrl: URL): Appointment {
  const participant: AppointmentParticipant[] = [{ actor: patientReference(row.client_id), status: 'accepted' }]
  if (row.with_whom) participant.push({ actor: { type: 'Practitioner', display: row.with_whom }, status: 'accepted' })
  if (row.location) participant.push({ actor: { type: 'Location', display: row.location }, status: 'accepted' })
  const madeBy: Reference<Practitioner | RelatedPerson> | undefined = row.created_by_staff_id
    ? practitionerReference(row.created_by_staff_id, row.staff_name)
    : row.created_by_account_id ? { type: 'RelatedPerson', display: row.account_name ?? '' } : undefined
  const extension: Extension[] = madeBy ? [{ url: madeByUrl(portalBaseUrl), valueReference: madeBy }] : []
  return {
    resourceType: 'Appointment',
    id: row.id,
    meta: { versionId: String(row.version), lastUpdated: row.updated_at.toISOString() },
    ...(extension.length > 0 ? { extension } : {}),
    ...(row.ecd_id ? { identifier: [{ system: identifierSystem, value: row.ecd_id }] } : {}),
    status: row.cancelled_at ? 'cancelled' : 'booked',
    description: row.title,
    start: row.starts_at.toISOString(),
    end: row.ends_at.toISOString(),
    created: row.created_at.toISOString(),
    ...(row.comment ? { comment: row.comment } : {}),
    participant,
  }
}
