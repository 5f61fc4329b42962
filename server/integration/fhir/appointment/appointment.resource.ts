import type { Appointment } from '@medplum/fhirtypes'
import { isDeepStrictEqual } from 'node:util'
import { requireClient } from '../fhir-references.ts'
import type { FhirContext, FhirResourceType, StoredResource } from '../fhir-resource-type.ts'
import { appointmentRowToFhir, type AppointmentRow, appointmentToColumns } from './appointment.mapping.ts'
import { findAppointmentByEcdId, findAppointmentById, insertEcdAppointment, searchAppointments, updateEcdAppointment } from './appointment.repository.ts'

function stored(row: AppointmentRow, context: FhirContext): StoredResource<Appointment> {
  return { resource: appointmentRowToFhir(row, context.caller.identifierSystem, context.portalBaseUrl), id: row.id, version: row.version, clientId: row.client_id }
}

/** Appointment ⇄ appointments, both ways: those made in the portal are read (and may be updated) by the ECD. */
export const appointmentType: FhirResourceType<Appointment> = {
  resourceType: 'Appointment',
  dataKind: 'appointment',
  searchParams: ['patient', 'identifier'],

  async read(db, context, id) {
    const row = await findAppointmentById(db, id)
    return row && stored(row, context)
  },

  async findByEcdId(db, context, ecdId) {
    const row = await findAppointmentByEcdId(db, ecdId)
    return row && stored(row, context)
  },

  async search(db, context, query) {
    if (query.identifier && query.identifier.system !== context.caller.identifierSystem) return []
    const rows = await searchAppointments(db, { query, ...(query.identifier ? { ecdId: query.identifier.value } : {}) })
    return rows.map((row) => stored(row, context))
  },

  async save(db, context, appointment, ecdId, existing) {
    const input = appointmentToColumns(appointment, context.now)
    const clientId = await requireClient(db, input.patient, 'Appointment.participant.actor')
    const columns = { ...input.columns, client_id: clientId, ...(ecdId !== null ? { ecd_id: ecdId } : {}) }
    if (existing) {
      const current = (await findAppointmentById(db, existing.id))!
      // A cancellation keeps its first moment: a repeated push of "cancelled" is no change.
      if (current.cancelled_at && columns.cancelled_at) columns.cancelled_at = current.cancelled_at
      if (Object.entries(columns).every(([key, value]) => isDeepStrictEqual(current[key as keyof AppointmentRow], value))) return { stored: stored(current, context), changed: false }
      return { stored: stored(await updateEcdAppointment(db, existing.id, { ...columns, updated_at: context.now }), context), changed: true }
    }
    const row = await insertEcdAppointment(db, { ...columns, ecd_id: ecdId, created_at: context.now, updated_at: context.now })
    return { stored: stored(row, context), changed: true }
  },
}
