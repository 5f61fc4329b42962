import type { Consent } from '@medplum/fhirtypes'
import { readOnly } from '../fhir-read-only.ts'
import type { FhirResourceType, StoredResource } from '../fhir-resource-type.ts'
import { consentRowToFhir, type ConsentRow } from './consent.mapping.ts'
import { findConsentById, searchConsents } from './consent.repository.ts'

function stored(row: ConsentRow): StoredResource<Consent> {
  return { resource: consentRowToFhir(row), id: row.id, version: row.version, clientId: row.client_id }
}

/** Consent ⇄ the consents behind portal links: read-only, the administrators record them in the portal. */
export const consentType: FhirResourceType<Consent> = {
  resourceType: 'Consent',
  dataKind: 'consent',
  searchParams: ['patient'],

  async read(db, _context, id) {
    const row = await findConsentById(db, id)
    return row && stored(row)
  },

  async findByEcdId() {
    return undefined
  },

  async search(db, _context, query) {
    if (query.identifier) return []
    return (await searchConsents(db, query)).map(stored)
  },

  save() {
    return readOnly('Consent')
  },
}
