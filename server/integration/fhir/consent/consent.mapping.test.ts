import { describe, expect, it } from 'vitest'
import { validateFhirResource } from '../fhir-validator.ts'
import { consentRowToFhir, type ConsentRow } from './consent.mapping.ts'

const row: ConsentRow = {
  id: '0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0001', client_id: '0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0002', given_by: 'legal_representative', given_by_name: 'P. de Boer',
  given_on: '2026-03-01', scope: 'Inzage in rapportages en afspraken', recorded_by: null, recorded_at: new Date('2026-03-01T10:00:00Z'), withdrawn_at: null,
  updated_at: new Date('2026-03-01T10:00:00Z'), version: 1,
}

describe('consent → Consent', () => {
  it('an active consent given by a legal representative is valid R4', () => {
    const consent = consentRowToFhir(row)
    validateFhirResource(consent)
    expect(consent).toMatchObject({ status: 'active', patient: { reference: `Patient/${row.client_id}` }, dateTime: '2026-03-01', provision: { type: 'permit', period: { start: '2026-03-01' } } })
    expect(consent.provision?.actor?.[0]?.role.coding?.[0]?.code).toBe('LGLREP')
  })

  it('a withdrawn consent is inactive, its period ending at the withdrawal', () => {
    const consent = consentRowToFhir({ ...row, given_by: 'client', withdrawn_at: new Date('2026-10-01T12:00:00Z') })
    validateFhirResource(consent)
    expect(consent.status).toBe('inactive')
    expect(consent.provision?.period?.end).toBe('2026-10-01T12:00:00.000Z')
  })
})
