import type { RelatedPerson } from '@medplum/fhirtypes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { createClient } from '../../../test/client-record-factories.ts'
import { ECD_SYSTEM, fhirCaller } from '../fhir.test-support.ts'
import { validateFhirResource } from '../fhir-validator.ts'
import { contactPersonRowToRelatedPerson, relatedPersonToColumns } from './related-person.mapping.ts'

/** nl-core-ContactPerson-01, written from the Nictiz zib2020 example: first contact, daughter. */
const nlCoreContactPerson: RelatedPerson = {
  resourceType: 'RelatedPerson',
  id: 'nl-core-ContactPerson-01',
  patient: { reference: 'Patient/nl-core-Patient-01', type: 'Patient' },
  relationship: [
    { coding: [{ system: 'urn:oid:2.16.840.1.113883.2.4.3.11.22.472', code: '01', display: 'Eerste relatie/contactpersoon' }] },
    { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'DAU', display: 'daughter' }] },
  ],
  name: [{ use: 'official', text: 'Marieke XXX_Bergman', family: 'XXX_Bergman', given: ['Marieke'] }],
  telecom: [{ system: 'phone', value: '0612345678', use: 'mobile' }, { system: 'email', value: 'user@home.nl', use: 'home' }],
  address: [{ use: 'home', line: ['Straatweg 12'], city: 'Amsterdam', postalCode: '1000 AA' }],
}

describe('RelatedPerson mapping', () => {
  it('reads the nl-core example and writes a contact person back valid against R4', () => {
    validateFhirResource(nlCoreContactPerson)
    const columns = relatedPersonToColumns(nlCoreContactPerson)
    expect(columns).toEqual({
      name: 'Marieke XXX_Bergman', relationship: 'Eerste relatie/contactpersoon, daughter', phone: '0612345678', email: 'user@home.nl', active: true,
      relationship_codes: nlCoreContactPerson.relationship!.map((r) => r.coding![0]),
    })
    const now = new Date('2026-11-02T10:00:00Z')
    const back = contactPersonRowToRelatedPerson({ ...columns, id: 'a8c1d7e4-0000-4000-8000-000000000008', ecd_id: 'CP-1', client_id: 'a8c1d7e4-0000-4000-8000-000000000009', version: 1, created_at: now, updated_at: now }, ECD_SYSTEM)
    validateFhirResource(back)
    expect(relatedPersonToColumns(back)).toEqual(columns)
    // Relationships come back as codes, with their words as text (before: the words only).
    expect(back.relationship).toEqual(nlCoreContactPerson.relationship!.map((r) => ({ ...r, text: r.coding![0]!.display })))
  })
})

describe('RelatedPerson through HTTP', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('stores a contact person once however often it is sent, and makes no portal account', async () => {
    const caller = await fhirCaller(t)
    const client = await createClient(t.db)
    const accountsBefore = (await t.db.selectFrom('account').select('id').execute()).length
    const body = { ...nlCoreContactPerson, id: undefined, identifier: [{ system: ECD_SYSTEM, value: 'CP-7' }], patient: { reference: `Patient/${client.id}` } }
    const url = `/fhir/RelatedPerson?identifier=${encodeURIComponent(`${ECD_SYSTEM}|CP-7`)}`
    expect((await t.app.inject({ method: 'PUT', url, headers: caller.headers, payload: body })).statusCode).toBe(201)
    expect((await t.app.inject({ method: 'PUT', url, headers: caller.headers, payload: body })).statusCode).toBe(200)
    expect(await t.db.selectFrom('contact_person').select(['client_id', 'version']).execute()).toEqual([{ client_id: client.id, version: 1 }])
    expect((await t.db.selectFrom('account').select('id').execute()).length).toBe(accountsBefore)
    const found = await t.app.inject({ method: 'GET', url: `/fhir/RelatedPerson?patient=${client.id}`, headers: { authorization: caller.headers.authorization } })
    expect(found.json<{ entry: unknown[] }>().entry).toHaveLength(1)
  })

  it('refuses a contact person of an unknown client (422)', async () => {
    const caller = await fhirCaller(t)
    const body = { ...nlCoreContactPerson, id: undefined, identifier: [{ system: ECD_SYSTEM, value: 'CP-8' }], patient: { reference: 'Patient/00000000-0000-4000-8000-000000000000' } }
    const res = await t.app.inject({ method: 'POST', url: '/fhir/RelatedPerson', headers: caller.headers, payload: body })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ issue: [{ expression: ['RelatedPerson.patient'] }] })
  })
})
