import { describe, expect, it } from 'vitest'
import { r4CommunicationExample } from '../examples/record.examples.ts'
import { validateFhirResource } from '../fhir-validator.ts'
import { communicationToMessage, type MessageRow, messageToCommunication } from './communication.mapping.ts'

const STAFF = '0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0009'

describe('Communication → message', () => {
  it('reads the R4 example: its text payload, subject and sender (the reference is checked later)', () => {
    const example = r4CommunicationExample()
    validateFhirResource(example)
    expect(communicationToMessage(example)).toEqual({
      subject: { reference: 'Patient/example' },
      sender: { reference: 'Device/f001' },
      body: 'Patient 1 has a very high serum potassium value (7.2 mmol/L on 2014-Dec-12 at 5:55 pm)',
      sentAt: new Date('2014-12-12T18:01:10-08:00'),
    })
  })

  it('refuses a message not sent, without text, or without a sender', () => {
    expect(() => communicationToMessage({ ...r4CommunicationExample(), status: 'in-progress' })).toThrow(expect.objectContaining({ code: 'unprocessable' }))
    expect(() => communicationToMessage({ ...r4CommunicationExample(), payload: [{ contentString: '  ' }] })).toThrow(expect.objectContaining({ code: 'unprocessable' }))
    expect(() => communicationToMessage({ ...r4CommunicationExample(), sender: undefined })).toThrow(expect.objectContaining({ code: 'unprocessable' }))
  })
})

describe('message → Communication', () => {
  const row: MessageRow = {
    id: '0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0001', ecd_id: null, client_id: '0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0002', author_account_id: '0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0003',
    author_staff_id: null, sent_at: null, body: 'Kan de zorg morgen later komen?', created_at: new Date('2026-11-27T09:00:00Z'), updated_at: new Date('2026-11-27T09:00:00Z'), version: 1,
    staff_name: null, account_name: 'Anna de Vries', account_relation: 'first_contact',
  }

  it('a portal message names its writer, is valid R4', () => {
    const communication = messageToCommunication(row, 'urn:oid:1.2.3')
    validateFhirResource(communication)
    expect(communication).toMatchObject({ status: 'completed', sent: '2026-11-27T09:00:00.000Z', sender: { type: 'RelatedPerson', display: 'Anna de Vries' }, subject: { reference: `Patient/${row.client_id}` } })
    expect(communicationToMessage(communication).body).toBe(row.body)
  })

  it('a staff message reads back with the same writer and text', () => {
    const staffRow = { ...row, author_account_id: null, author_staff_id: STAFF, staff_name: 'Jan Smit', account_name: null, account_relation: null, ecd_id: 'M-1' }
    const communication = messageToCommunication(staffRow, 'urn:oid:1.2.3')
    validateFhirResource(communication)
    expect(communication.identifier).toEqual([{ system: 'urn:oid:1.2.3', value: 'M-1' }])
    expect(communicationToMessage(communication)).toEqual({ subject: { reference: `Patient/${row.client_id}` }, sender: { reference: `Practitioner/${STAFF}`, display: 'Jan Smit' }, body: row.body, sentAt: row.created_at })
    // Sent in the ECD before it reached the portal: both times, each in its own element.
    const sentEarlier = messageToCommunication({ ...staffRow, sent_at: new Date('2026-11-26T21:00:00Z') }, 'urn:oid:1.2.3')
    expect(sentEarlier).toMatchObject({ sent: '2026-11-26T21:00:00.000Z', received: '2026-11-27T09:00:00.000Z' })
  })
})
