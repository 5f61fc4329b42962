import { describe, expect, it } from 'vitest'
import { progressNoteExample } from '../examples/record.examples.ts'
import { validateFhirResource } from '../fhir-validator.ts'
import { observationToReport, type ReportRow, reportToObservation, visibleInPortalUrl } from './report.mapping.ts'

const BASE = new URL('https://portaal.zorg.example/')
const SYSTEM = 'urn:oid:2.16.840.1.113883.2.4.3.11.999.1'
const STAFF = '0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0009'

describe('Observation (progress note) → report', () => {
  it('reads the text, time, care-plan goal, visibility and author of the example', () => {
    const example = progressNoteExample(BASE)
    validateFhirResource(example)
    expect(observationToReport(example, BASE)).toEqual({
      subject: { reference: 'Patient/example' },
      author: { reference: 'Practitioner/example', display: 'Fatima el Amrani' },
      columns: { body: 'Mevrouw heeft met wat hulp gedoucht en goed ontbeten.', reported_at: new Date('2026-11-20T07:15:00Z'), care_plan_goal: 'Mevrouw douchet zelfstandig', visible_in_portal: true },
    })
  })

  it('is visible by default, hidden when the flag says so; the flag of another portal does not count', () => {
    const example = progressNoteExample(BASE)
    example.extension = [{ url: visibleInPortalUrl(BASE), valueBoolean: false }]
    expect(observationToReport(example, BASE).columns).toMatchObject({ visible_in_portal: false, care_plan_goal: '' })
    expect(observationToReport(example, new URL('https://ander.example/')).columns.visible_in_portal).toBe(true)
  })

  it('refuses what is not a report: another code, no text, no time', () => {
    const other = { ...progressNoteExample(BASE), code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] } }
    expect(() => observationToReport(other, BASE)).toThrow(expect.objectContaining({ code: 'unprocessable' }))
    expect(() => observationToReport({ ...progressNoteExample(BASE), valueString: ' ' }, BASE)).toThrow(expect.objectContaining({ code: 'unprocessable' }))
    expect(() => observationToReport({ ...progressNoteExample(BASE), effectiveDateTime: '2026-11-20' }, BASE)).toThrow(expect.objectContaining({ code: 'unprocessable' }))
  })
})

describe('report → Observation', () => {
  it('is valid R4 and reads back to the same columns', () => {
    const { columns } = observationToReport(progressNoteExample(BASE), BASE)
    const row: ReportRow = {
      ...columns, id: '0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0001', ecd_id: 'R-1', client_id: '0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0002', team_id: null,
      author_staff_id: STAFF, author_name: 'Fatima el Amrani', author_role: 'Verzorgende IG', created_at: new Date('2026-11-20T08:00:00Z'), updated_at: new Date('2026-11-21T08:00:00Z'), version: 2,
    }
    const observation = reportToObservation(row, SYSTEM, BASE)
    validateFhirResource(observation)
    expect(observation).toMatchObject({
      id: row.id, meta: { versionId: '2', lastUpdated: '2026-11-21T08:00:00.000Z' }, identifier: [{ system: SYSTEM, value: 'R-1' }],
      subject: { reference: `Patient/${row.client_id}` }, performer: [{ reference: `Practitioner/${STAFF}`, display: 'Fatima el Amrani' }],
    })
    expect(observationToReport(observation, BASE).columns).toEqual(columns)
  })
})
