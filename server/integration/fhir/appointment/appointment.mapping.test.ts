import { describe, expect, it } from 'vitest'
import { r4AppointmentExample } from '../examples/record.examples.ts'
import { validateFhirResource } from '../fhir-validator.ts'
import { type AppointmentRow, appointmentRowToFhir, appointmentToColumns, madeByUrl } from './appointment.mapping.ts'

const BASE = new URL('https://portaal.zorg.example/')
const NOW = new Date('2026-11-27T09:00:00Z')

describe('Appointment → appointment', () => {
  it('reads the R4 example: description, times, the practitioner and the location', () => {
    const example = r4AppointmentExample()
    validateFhirResource(example)
    expect(appointmentToColumns(example, NOW)).toEqual({
      patient: { reference: 'Patient/example', display: 'Peter James Chalmers' },
      columns: {
        starts_at: new Date('2013-12-10T09:00:00Z'), ends_at: new Date('2013-12-10T11:00:00Z'), title: 'Discussion on the results of your recent MRI',
        location: 'South Wing, second floor', with_whom: 'Dr Adam Careful', cancelled_at: null,
        comment: 'Further expand on the results of the MRI and determine the next actions that may be appropriate.',
      },
    })
  })

  it('a cancelled appointment is cancelled now; an end before the start or no description is refused', () => {
    expect(appointmentToColumns({ ...r4AppointmentExample(), status: 'cancelled' }, NOW).columns.cancelled_at).toEqual(NOW)
    expect(() => appointmentToColumns({ ...r4AppointmentExample(), end: '2013-12-10T08:00:00Z' }, NOW)).toThrow(expect.objectContaining({ code: 'unprocessable' }))
    expect(() => appointmentToColumns({ ...r4AppointmentExample(), description: undefined }, NOW)).toThrow(expect.objectContaining({ code: 'unprocessable' }))
  })
})

describe('appointment → Appointment', () => {
  it('one made in the portal names who made it, is valid R4 and reads back the same', () => {
    const { columns } = appointmentToColumns(r4AppointmentExample(), NOW)
    const row: AppointmentRow = {
      ...columns, id: '0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0001', ecd_id: null, client_id: '0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0002',
      created_by_account_id: '0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0003', created_by_staff_id: null, account_name: 'Anna de Vries', staff_name: null,
      created_at: NOW, updated_at: NOW, version: 1,
    }
    const appointment = appointmentRowToFhir(row, 'urn:oid:1.2.3', BASE)
    validateFhirResource(appointment)
    expect(appointment.extension).toEqual([{ url: madeByUrl(BASE), valueReference: { type: 'RelatedPerson', display: 'Anna de Vries' } }])
    expect(appointment.status).toBe('booked')
    expect(appointmentToColumns(appointment, NOW)).toEqual({ patient: { reference: `Patient/${row.client_id}` }, columns })
  })
})
