import type { Appointment } from '@medplum/fhirtypes'
import { isDeepStrictEqual } from 'node:util'
import { requireClient } from '../fhir-references.ts'
import type { FhirResourceType } from '../fhir-resource-type.ts'
import { rowReads } from '../fhir-row-reads.ts'
import { appointmentRowToFhir, type AppointmentRow, appointmentToColumns } from './appointment.mapping.ts'
import { findAppointmentByEcdId, findAppointmentById, insertEcdAppointment, searchAppointments, updateEcdAppointment } from './appointment.repository.ts'
import { notifyRecordChange } from '../../../record/notifications/notification.service.ts'

const { stored, ...reads } = rowReads<Appointment, AppointmentRow>(
  { findById: findAppointmentById, findByEcdId: findAppointmentByEcdId, search: searchAppointments },
  (row, context) => appointmentRowToFhir(row, context.caller.identifierSystem, context.portalBaseUrl),
  (row) => row.client_id,
)

/** Appointment ⇄ appointments, both ways: those made in the portal are read (and may be updated) by the ECD. */
export const appointmentType: FhirResourceType<Appointment> = {
  resourceType: 'Appointment',
  dataKind: 'appointment',
  searchParams: ['patient', 'identifier'],

  ...reads,

  async save(db, context, appointment, ecdId, existing) {
    const input = appointmentToColumns(appointment, context.now)
    const clientId = await requireClient(db, input.patient, 'Appointment.participant.actor')
    const columns = { ...input.columns, client_id: clientId, ...(ecdId !== null ? { ecd_id: ecdId } : {}) }
    if (existing) {
      const current = (await findAppointmentById(db, existing.id))!
      // A cancellation keeps its first moment: a repeated push of "cancelled" is no change.
      if (current.cancelled_at && columns.cancelled_at) columns.cancelled_at = current.cancelled_at
      if (Object.entries(columns).every(([key, value]) => isDeepStrictEqual(current[key as keyof AppointmentRow], value))) return { stored: stored(current, context), changed: false }
      const updated = await updateEcdAppointment(db, existing.id, { ...columns, updated_at: context.now })
      await notifyRecordChange(db, { kind: 'appointment', clientId, portalUrl: new URL('/', context.portalBaseUrl).href }, context.now)
      return { stored: stored(updated, context), changed: true }
    }
    const row = await insertEcdAppointment(db, { ...columns, ecd_id: ecdId, created_at: context.now, updated_at: context.now })
    await notifyRecordChange(db, { kind: 'appointment', clientId, portalUrl: new URL('/', context.portalBaseUrl).href }, context.now)
    return { stored: stored(row, context), changed: true }
  },
}
