import type { ContactPoint, RelatedPerson } from '@medplum/fhirtypes'
import type { Selectable } from 'kysely'
import type { ContactPersonTable } from '../../../record/clients/contact-person.table.ts'
import { unprocessable } from '../fhir-errors.ts'
import { displayName } from '../practitioner/practitioner.mapping.ts'
import { relationshipCodes, relationshipToFhir } from '../patient/patient-contact.ts'
import type { RelationshipCode } from '../../../record/clients/client-contact.table.ts'

export type ContactPersonRow = Selectable<ContactPersonTable>

export interface ContactPersonColumns {
  name: string
  relationship: string
  relationship_codes: RelationshipCode[]
  phone: string
  email: string
  active: boolean
}

function telecom(points: ContactPoint[] | undefined, system: 'phone' | 'email'): string {
  const ofSystem = (points ?? []).filter((p) => p.system === system && !p.period?.end)
  return (ofSystem.find((p) => p.use === 'mobile') ?? ofSystem.find((p) => p.use === 'home') ?? ofSystem[0])?.value ?? ''
}

/**
 * RelatedPerson (nl-core-ContactPerson) → contact person: name, relationships as the ECD
 * names them (zib's RolCodelijst, v3 RoleCode: the words shown, and the codes), phone and e-mail. The client comes from `patient`.
 */
export function relatedPersonToColumns(person: RelatedPerson): ContactPersonColumns {
  const name = displayName(person.name)
  if (!name) throw unprocessable('RelatedPerson.name', 'a contact person needs a name')
  const relationship = (person.relationship ?? []).map((r) => r.text ?? r.coding?.[0]?.display ?? r.coding?.[0]?.code ?? '').filter(Boolean).join(', ')
  return { name, relationship, relationship_codes: (person.relationship ?? []).flatMap(relationshipCodes), phone: telecom(person.telecom, 'phone'), email: telecom(person.telecom, 'email'), active: person.active ?? true }
}

export function contactPersonRowToRelatedPerson(row: ContactPersonRow, identifierSystem: string): RelatedPerson {
  return {
    resourceType: 'RelatedPerson',
    id: row.id,
    meta: { versionId: String(row.version), lastUpdated: row.updated_at.toISOString() },
    identifier: [{ system: identifierSystem, value: row.ecd_id }],
    active: row.active,
    patient: { reference: `Patient/${row.client_id}` },
    // The codes with their words; a row from before codes were kept has only the words.
    ...(row.relationship_codes.length > 0
      ? { relationship: row.relationship_codes.map(relationshipToFhir) }
      : row.relationship ? { relationship: row.relationship.split(', ').map((text) => ({ text })) } : {}),
    name: [{ text: row.name }],
    ...(row.phone || row.email
      ? { telecom: [...(row.phone ? [{ system: 'phone' as const, value: row.phone }] : []), ...(row.email ? [{ system: 'email' as const, value: row.email }] : [])] }
      : {}),
  }
}
