import type { RelatedPerson } from '@medplum/fhirtypes'
import { isDeepStrictEqual } from 'node:util'
import { clientExists } from '../care-team/care-team.repository.ts'
import { unprocessable } from '../fhir-errors.ts'
import type { FhirResourceType } from '../fhir-resource-type.ts'
import { rowReads } from '../fhir-row-reads.ts'
import { type ContactPersonRow, contactPersonRowToRelatedPerson, relatedPersonToColumns } from './related-person.mapping.ts'
import { findContactPersonByEcdId, findContactPersonById, insertContactPerson, searchContactPersons, updateContactPerson } from './related-person.repository.ts'

const { stored, ...reads } = rowReads<RelatedPerson, ContactPersonRow>(
  { findById: findContactPersonById, findByEcdId: findContactPersonByEcdId, search: (db, { query, ecdId }) => searchContactPersons(db, query, ecdId) },
  (row, context) => contactPersonRowToRelatedPerson(row, context.caller.identifierSystem),
  (row) => row.client_id,
)

/** RelatedPerson (nl-core-ContactPerson) → a client's contact person; never a portal account. */
export const relatedPersonType: FhirResourceType<RelatedPerson> = {
  resourceType: 'RelatedPerson',
  dataKind: 'contact_person',
  searchParams: ['patient', 'identifier'],
  ...reads,
  save: async (db, context, person, ecdId, existing) => {
    if (!ecdId) throw unprocessable('RelatedPerson.identifier', `a RelatedPerson needs the ECD's own identifier (system ${context.caller.identifierSystem})`)
    const clientId = /^Patient\/([0-9a-f-]{36})$/i.exec(person.patient?.reference ?? '')?.[1]?.toLowerCase()
    if (!clientId || !(await clientExists(db, clientId))) throw unprocessable('RelatedPerson.patient', 'must refer to a known client as Patient/<id> (send the Patient first, or in the same transaction)')
    const columns = { ...relatedPersonToColumns(person), client_id: clientId }
    if (existing) {
      const current = (await findContactPersonById(db, existing.id))!
      if ((Object.keys(columns) as (keyof typeof columns)[]).every((key) => isDeepStrictEqual(current[key], columns[key]))) return { stored: stored(current, context), changed: false }
      return { stored: stored(await updateContactPerson(db, existing.id, { ...columns, relationship_codes: JSON.stringify(columns.relationship_codes), ecd_id: ecdId, updated_at: context.now }), context), changed: true }
    }
    return { stored: stored(await insertContactPerson(db, { ...columns, relationship_codes: JSON.stringify(columns.relationship_codes), ecd_id: ecdId, created_at: context.now, updated_at: context.now }), context), changed: true }
  },
}
