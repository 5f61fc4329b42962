import type { Practitioner } from '@medplum/fhirtypes'
import { describe, expect, it } from 'vitest'
import { validateFhirResource } from '../fhir-validator.ts'
import { practitionerToColumns, staffRowToPractitioner } from './practitioner.mapping.ts'

const SYSTEM = 'urn:oid:2.16.840.1.113883.2.4.3.11.999.1'
const updatedAt = new Date('2026-11-02T10:00:00Z')

/** nl-core-HealthProfessional-Practitioner-01, written from the Nictiz zib2020 example. */
const nlCorePractitioner: Practitioner = {
  resourceType: 'Practitioner',
  id: 'nl-core-HealthProfessional-Practitioner-01',
  identifier: [{ system: 'http://fhir.nl/fhir/NamingSystem/uzi-nr-pers', value: '12345678' }],
  name: [{ use: 'official', text: 'Johan XXX_Arends', family: 'XXX_Arends', given: ['Johan', 'J.'] }],
  telecom: [{ system: 'phone', value: '0612345678', use: 'work' }],
  gender: 'male',
  qualification: [{ code: { coding: [{ system: 'urn:oid:2.16.840.1.113883.2.4.15.111', code: '01.015', display: 'Huisarts' }] } }],
}

describe('Practitioner ⇄ staff member', () => {
  it('reads name and discipline from the nl-core example, and writes them back valid against R4', () => {
    validateFhirResource(nlCorePractitioner)
    expect(practitionerToColumns(nlCorePractitioner)).toEqual({ name: 'Johan XXX_Arends', discipline: 'Huisarts' })
    const back = staffRowToPractitioner({ id: 'a8c1d7e4-0000-4000-8000-000000000001', ecd_id: 'PR-1', name: 'Johan XXX_Arends', discipline: 'Huisarts', version: 2, updated_at: updatedAt }, SYSTEM)
    validateFhirResource(back)
    expect(practitionerToColumns(back)).toEqual({ name: 'Johan XXX_Arends', discipline: 'Huisarts' })
    expect(back.identifier).toEqual([{ system: SYSTEM, value: 'PR-1' }])
  })

  it('needs a name (422)', () => {
    expect(() => practitionerToColumns({ resourceType: 'Practitioner' })).toThrow(expect.objectContaining({ code: 'unprocessable' }))
  })
})
