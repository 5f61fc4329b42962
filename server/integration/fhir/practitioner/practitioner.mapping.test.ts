import type { HumanName, Practitioner } from '@medplum/fhirtypes'
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
  it('reads name, its parts, discipline and register numbers from the nl-core example, and writes them back valid against R4', () => {
    validateFhirResource(nlCorePractitioner)
    const columns = practitionerToColumns(nlCorePractitioner)
    expect(columns).toEqual({
      name: 'Johan XXX_Arends', discipline: 'Huisarts', title: '', given_name: 'Johan J.', name_prefix: '', family_name: 'XXX_Arends', big_number: '', uzi_number: '12345678', ura_number: '',
    })
    const back = staffRowToPractitioner({ ...columns, id: 'a8c1d7e4-0000-4000-8000-000000000001', ecd_id: 'PR-1', version: 2, updated_at: updatedAt }, SYSTEM)
    validateFhirResource(back)
    expect(practitionerToColumns(back)).toEqual(columns)
    expect(back.identifier).toEqual([{ system: SYSTEM, value: 'PR-1' }, nlCorePractitioner.identifier![0]])
  })

  it('keeps BIG and URA numbers, a title and the own prefix', () => {
    const practitioner: Practitioner = {
      resourceType: 'Practitioner',
      identifier: [{ system: 'http://fhir.nl/fhir/NamingSystem/big', value: '19012345601' }, { system: 'http://fhir.nl/fhir/NamingSystem/ura', value: '00001234' }],
      name: [{ use: 'official', text: 'Drs. W. van Klaasen', family: 'van Klaasen', _family: { extension: [
        { url: 'http://hl7.org/fhir/StructureDefinition/humanname-own-prefix', valueString: 'van' }, { url: 'http://hl7.org/fhir/StructureDefinition/humanname-own-name', valueString: 'Klaasen' },
      ] }, given: ['W.'], prefix: ['Drs.'] } as HumanName],
    }
    const back = staffRowToPractitioner({ ...practitionerToColumns(practitioner), id: 'a8c1d7e4-0000-4000-8000-000000000002', ecd_id: null, version: 1, updated_at: updatedAt }, SYSTEM)
    expect(back.identifier).toEqual(practitioner.identifier)
    expect(back.name).toEqual(practitioner.name)
  })

  it('needs a name (422)', () => {
    expect(() => practitionerToColumns({ resourceType: 'Practitioner' })).toThrow(expect.objectContaining({ code: 'unprocessable' }))
  })
})
