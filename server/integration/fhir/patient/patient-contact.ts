import type { CodeableConcept, PatientContact } from '@medplum/fhirtypes'
import type { RelationshipCode } from '../../../record/clients/client-contact.table.ts'
import { type AddressColumns, addressColumns, addressToFhir, emailColumns, phoneColumns, type TelecomColumns, telecomToFhir } from './contact-details.ts'
import { type ClientName, clientNameFromFhir, clientNameToFhir } from './patient-name.ts'

/** A contact person's columns, without the client and the row's own id. */
export type ContactColumns = { position: number; relationships: RelationshipCode[]; email_use: string } & ClientName & AddressColumns & TelecomColumns

/**
 * Patient.contact (zib ContactPerson) → contact columns, in the order sent: name (nl-core parts),
 * relationship codes as codes (each coding with its display; a relationship with only a text as
 * that text), telecom with the mobile apart, address. Gender, organization and period are not kept.
 */
export function contactsFromFhir(contacts: PatientContact[] | undefined): ContactColumns[] {
  return (contacts ?? []).map((contact, position) => {
    const name = contact.name ? clientNameFromFhir([{ ...contact.name, use: contact.name.use ?? 'official' }]) : undefined
    return {
      position,
      relationships: (contact.relationship ?? []).flatMap(relationshipCodes),
      name_text: name?.name_text ?? '',
      initials: name?.initials ?? '',
      given_name: name?.given_name ?? '',
      given_names: name?.given_names ?? '',
      name_prefix: name?.name_prefix ?? '',
      family_name: name?.family_name ?? '',
      partner_prefix: name?.partner_prefix ?? '',
      partner_name: name?.partner_name ?? '',
      name_usage: name?.name_usage ?? '',
      ...phoneColumns(contact.telecom),
      ...emailColumns(contact.telecom),
      ...addressColumns(contact.address),
    }
  })
}

/** A relationship's codings (each with its display), or its text alone as a code-less entry. */
export function relationshipCodes(concept: CodeableConcept): RelationshipCode[] {
  const codes = (concept.coding ?? []).filter((c) => c.code).map((c) => ({ system: c.system ?? '', code: c.code!, display: c.display ?? '' }))
  if (codes.length > 0) return codes
  return concept.text ? [{ system: '', code: '', display: concept.text }] : []
}

/** One relationship: its code with the display, the display also as text (what a person reads). */
export function relationshipToFhir(r: RelationshipCode): CodeableConcept {
  return { ...(r.code ? { coding: [{ ...(r.system ? { system: r.system } : {}), code: r.code, ...(r.display ? { display: r.display } : {}) }] } : {}), ...(r.display ? { text: r.display } : {}) }
}

/** Contact row → Patient.contact: each relationship as its code with its display as text. */
export function contactToFhir(row: ContactColumns): PatientContact {
  const [official] = clientNameToFhir(row)
  const telecom = telecomToFhir(row)
  const address = addressToFhir(row)
  return {
    ...(row.relationships.length > 0
      ? { relationship: row.relationships.map(relationshipToFhir) }
      : {}),
    ...(row.family_name || row.given_names || row.initials ? { name: official } : {}),
    ...(telecom.length > 0 ? { telecom } : {}),
    ...(address ? { address } : {}),
  }
}
