import type { Patient } from '@medplum/fhirtypes'
import { describe, expect, it } from 'vitest'
import { createFieldCipher } from '../../../platform/crypto/field-encryption.ts'
import { nlCorePatientExample, plainR4PatientExample } from '../examples/nl-core-patient.example.ts'
import { validateFhirResource } from '../fhir-validator.ts'
import { type ClientRow, clientRowToPatient, isValidBsn, patientToColumns } from './patient.mapping.ts'

const SYSTEM = 'urn:oid:2.16.840.1.113883.2.4.3.11.999.1'

function rowFrom(columns: ReturnType<typeof patientToColumns>, cipher = createFieldCipher(Buffer.alloc(32, 7))): ClientRow {
  const { bsn, ...rest } = columns
  return {
    ...rest, id: '0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0001', ecd_id: 'C-1', client_number: 'C-1', legal_capacity: 'wilsbekwaam',
    admission_status: '', admission_legal_basis: '', identity_established: false, bank_account_encrypted: null,
    closed_at: null, bsn_encrypted: bsn ? cipher.encrypt(bsn) : null, bsn_lookup: bsn ? cipher.lookupHash(bsn) : null,
    created_at: new Date('2026-11-01T10:00:00Z'), updated_at: new Date('2026-11-02T10:00:00Z'), version: 3,
  }
}

describe('Patient → client', () => {
  it('reads the nl-core example: own name and prefix, initials, call name, address parts, BSN, GP', () => {
    const example = nlCorePatientExample()
    validateFhirResource(example)
    expect(patientToColumns(example)).toEqual({
      gender: 'female',
      initials: 'J.P.M.',
      given_name: 'Jo',
      name_prefix: 'van der',
      family_name: 'Giessen',
      name_text: 'Johanna Petronella Maria (Jo) van Putten-van der Giessen',
      given_names: 'Johanna Petronella Maria',
      partner_prefix: 'van',
      partner_name: 'Putten',
      name_usage: 'NL3',
      date_of_birth: '1934-04-28',
      marital_status: 'gehuwd',
      place_of_birth: '',
      nationality: '',
      nationality_system: '',
      nationality_code: '',
      street: 'Jan van Galenstraat',
      house_number: '4',
      postal_code: '1051 KM',
      city: 'Amsterdam',
      address_extra: '',
      address_type: 'both',
      district: 'Amsterdam',
      country: 'Nederland',
      phone: '0201234567',
      phone_use: 'home',
      mobile_phone: '0611234567',
      email: 'user@home.nl',
      general_practitioner: 'Huisartsenpraktijk Blaricum',
      active: true,
      deceased: false,
      deceased_on: null,
      bsn: '999911120',
      contacts: [],
    })
  })

  it('reads a plain R4 Patient without Dutch extensions', () => {
    const columns = patientToColumns(plainR4PatientExample())
    expect(columns).toMatchObject({ given_name: 'Jim', initials: 'P.J.', name_prefix: '', family_name: 'Chalmers', street: '534 Erewhon St', house_number: '', phone: '(03) 5555 6473', bsn: null })
  })

  it('refuses what the portal cannot keep: no birth date, no name, a BSN failing the 11-test, an unknown gender', () => {
    const noBirth = { ...plainR4PatientExample(), birthDate: undefined }
    expect(() => patientToColumns(noBirth)).toThrow(expect.objectContaining({ code: 'unprocessable' }))
    expect(() => patientToColumns({ ...plainR4PatientExample(), name: [] })).toThrow(expect.objectContaining({ code: 'unprocessable' }))
    const badBsn: Patient = { ...plainR4PatientExample(), identifier: [{ system: 'http://fhir.nl/fhir/NamingSystem/bsn', value: '123456789' }] }
    expect(() => patientToColumns(badBsn)).toThrow(expect.objectContaining({ code: 'unprocessable' }))
    expect(() => patientToColumns({ ...plainR4PatientExample(), gender: 'x' as Patient['gender'] })).toThrow(expect.objectContaining({ code: 'unprocessable' }))
    expect(isValidBsn('999911120')).toBe(true)
  })
})

describe('client → Patient', () => {
  it('writes nl-core name parts, address parts and the ECD identifier, valid against R4, and reads back the same', () => {
    const columns = patientToColumns(nlCorePatientExample())
    const patient = clientRowToPatient(rowFrom(columns), SYSTEM)
    validateFhirResource(patient)
    expect(patient.meta).toEqual({ versionId: '3', lastUpdated: '2026-11-02T10:00:00.000Z' })
    expect(patient.identifier).toEqual([{ use: 'official', system: SYSTEM, value: 'C-1' }])
    // The initials 'J.P.M.' only repeat the given names written out, so nl-core leaves them out.
    expect(patient.name?.[0]).toMatchObject({ use: 'official', family: 'van Putten-van der Giessen', given: ['Johanna', 'Petronella', 'Maria'], text: 'Johanna Petronella Maria (Jo) van Putten-van der Giessen' })
    expect(patient.maritalStatus?.coding?.[0]?.code).toBe('M')
    expect(patient.telecom?.find((p) => p.value === '0611234567')).toMatchObject({ system: 'phone', use: 'mobile', _system: { extension: [{ valueCodeableConcept: { coding: [{ code: 'MC' }] } }] } })
    expect(patient.address?.[0]).toMatchObject({ district: 'Amsterdam', country: 'Nederland' })
    expect(patientToColumns(patient)).toEqual({ ...columns, bsn: null })
  })

  it('assembles the family name by the naamgebruik, and without a partner name has no assembly order', () => {
    const name = { initials: 'J.', given_name: 'Jo', name_prefix: 'van', family_name: 'Putten', name_text: '', given_names: '', partner_prefix: 'van der', partner_name: 'Giessen' }
    const familyOf = (name_usage: string) => clientRowToPatient(rowFrom({ ...patientToColumns(plainR4PatientExample()), ...name, name_usage }), SYSTEM).name?.[0]?.family
    expect(['NL1', 'NL2', 'NL3', 'NL4'].map(familyOf)).toEqual(['van Putten', 'van der Giessen', 'van der Giessen-van Putten', 'van Putten-van der Giessen'])
    const plain = clientRowToPatient(rowFrom(patientToColumns(plainR4PatientExample())), SYSTEM)
    expect(plain.name?.[0]).not.toHaveProperty('extension')
    // A plain R4 phone keeps its own use (work), not home.
    expect(plain.telecom).toEqual([{ system: 'phone', value: '(03) 5555 6473', use: 'work' }])
  })

  it('gives the BSN only when asked to decrypt it', () => {
    const cipher = createFieldCipher(Buffer.alloc(32, 7))
    const row = rowFrom(patientToColumns(nlCorePatientExample()), cipher)
    expect(JSON.stringify(clientRowToPatient(row, SYSTEM))).not.toContain('999911120')
    expect(clientRowToPatient(row, SYSTEM, cipher).identifier).toContainEqual({ use: 'official', system: 'http://fhir.nl/fhir/NamingSystem/bsn', value: '999911120' })
  })
})
