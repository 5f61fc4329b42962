import type { Consent } from '@medplum/fhirtypes'
import { unprocessable } from '../fhir-errors.ts'
import { referencedId } from '../fhir-references.ts'
import type { FhirResourceType, StoredResource } from '../fhir-resource-type.ts'
import { consentRowToFhir, type ConsentRow } from './consent.mapping.ts'
import { findConsentById, searchConsents, withdrawConsentNow } from './consent.repository.ts'

function stored(row: ConsentRow): StoredResource<Consent> {
  return { resource: consentRowToFhir(row), id: row.id, version: row.version, clientId: row.client_id }
}

/**
 * Consent ⇄ the consents behind portal links. Administrators record a consent with its link in
 * the portal; the ECD reads them and may withdraw one (status inactive or rejected), which closes
 * every link on it at once. Giving or restoring consent stays the administrators' decision.
 */
export const consentType: FhirResourceType<Consent> = {
  resourceType: 'Consent',
  dataKind: 'consent',
  searchParams: ['patient'],
  writes: ['update'],

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

  async save(db, context, consent, _ecdId, existing) {
    if (!existing) throw unprocessable('Consent', 'consents are recorded by an administrator with the portal link; the ECD can withdraw one with PUT Consent/<id>')
    const current = (await findConsentById(db, existing.id))!
    if (referencedId(consent.patient, 'Patient') !== current.client_id) throw unprocessable('Consent.patient', 'the consent belongs to another client')
    const withdraw = consent.status === 'inactive' || consent.status === 'rejected'
    if (!withdraw && consent.status !== 'active') throw unprocessable('Consent.status', 'the portal knows active and withdrawn (inactive) consents only')
    if (withdraw === (current.withdrawn_at !== null)) return { stored: stored(current), changed: false }
    if (!withdraw) throw unprocessable('Consent.status', 'a withdrawn consent is given again through an administrator, with a new link')
    return { stored: stored(await withdrawConsentNow(db, current.id, context.now)), changed: true }
  },
}
