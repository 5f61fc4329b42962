import type { Generated } from 'kysely'

export type Gender = 'female' | 'male' | 'other' | 'unknown'
export type LegalCapacity = 'wilsbekwaam' | 'wilsonbekwaam' | 'onbekend'

export interface ClientTable {
  id: Generated<string>
  ecd_id: string | null
  client_number: string
  gender: Generated<Gender>
  initials: Generated<string>
  given_name: string
  name_prefix: Generated<string>
  family_name: string
  /** The official name as the ECD wrote it (FHIR name.text); '' when not given. */
  name_text: Generated<string>
  /** The official given names (birth names), space-separated. */
  given_names: Generated<string>
  partner_prefix: Generated<string>
  partner_name: Generated<string>
  /** Naamgebruik, as HL7's humanname-assembly-order code (NL1 own, NL2 partner, NL3 partner-own, NL4 own-partner); '' unknown. */
  name_usage: Generated<string>
  /** 'YYYY-MM-DD' */
  date_of_birth: string
  marital_status: Generated<string>
  place_of_birth: Generated<string>
  nationality: Generated<string>
  /** The nationality's code as the ECD sent it (GBA table 32: urn:oid:2.16.840.1.113883.2.4.4.16.32); '' when none. */
  nationality_system: Generated<string>
  nationality_code: Generated<string>
  /** AES-256-GCM, see server/platform/crypto/field-encryption.ts */
  bsn_encrypted: Buffer | null
  /** HMAC of the BSN, to find a client by BSN without decrypting every row. */
  bsn_lookup: Buffer | null
  street: Generated<string>
  house_number: Generated<string>
  postal_code: Generated<string>
  city: Generated<string>
  address_extra: Generated<string>
  /** A phone that is not a mobile one, and its FHIR `use` (home, work, temp) as sent. */
  phone: Generated<string>
  phone_use: Generated<string>
  mobile_phone: Generated<string>
  email: Generated<string>
  /** FHIR Address.type as sent (physical, postal, both); '' read as physical. */
  address_type: Generated<string>
  district: Generated<string>
  /** As the ECD wrote it ("Nederland"); '' when not given, never assumed. */
  country: Generated<string>
  /** False once the ECD said the client left (Patient.active false). */
  active: Generated<boolean>
  /** The ECD said the client died (Patient.deceased[x]); `deceased_on` the FHIR date(Time) when given. */
  deceased: Generated<boolean>
  deceased_on: Generated<string | null>
  /** When the portal closed the client's links because the client died or left. */
  closed_at: Generated<Date | null>
  legal_capacity: Generated<LegalCapacity>
  admission_status: Generated<string>
  admission_legal_basis: Generated<string>
  general_practitioner: Generated<string>
  identity_established: Generated<boolean>
  bank_account_encrypted: Buffer | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
  /** FHIR version (meta.versionId, ETag): bumped by a database trigger on every update. */
  version: Generated<number>
}
