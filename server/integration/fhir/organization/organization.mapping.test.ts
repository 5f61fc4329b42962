import type { Organization } from '@medplum/fhirtypes'
import { describe, expect, it } from 'vitest'
import { validateFhirResource } from '../fhir-validator.ts'
import { organizationToColumns, teamRowToOrganization } from './organization.mapping.ts'

const SYSTEM = 'urn:oid:2.16.840.1.113883.2.4.3.11.999.1'
const updatedAt = new Date('2026-11-02T10:00:00Z')

/** The FHIR R4 specification's Organization example "hl7". */
const r4Organization: Organization = {
  resourceType: 'Organization',
  id: 'hl7',
  name: 'Health Level Seven International',
  alias: ['HL7 International'],
  address: [{ line: ['3300 Washtenaw Avenue, Suite 227'], city: 'Ann Arbor', state: 'MI', postalCode: '48104', country: 'USA' }],
}

describe('Organization ⇄ team', () => {
  it('reads the R4 example, and writes a team back valid against R4', () => {
    validateFhirResource(r4Organization)
    expect(organizationToColumns(r4Organization)).toEqual({ name: 'Health Level Seven International', location: 'Ann Arbor' })
    const back = teamRowToOrganization({ id: 'a8c1d7e4-0000-4000-8000-000000000002', ecd_id: 'T-1', name: 'Team Noord', location: 'Zwolle', created_at: updatedAt, version: 1, updated_at: updatedAt }, SYSTEM)
    validateFhirResource(back)
    expect(organizationToColumns(back)).toEqual({ name: 'Team Noord', location: 'Zwolle' })
  })
})
