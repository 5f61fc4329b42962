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
  /** 'YYYY-MM-DD' */
  date_of_birth: string
  marital_status: Generated<string>
  place_of_birth: Generated<string>
  nationality: Generated<string>
  /** AES-256-GCM, see server/platform/crypto/field-encryption.ts */
  bsn_encrypted: Buffer | null
  /** HMAC of the BSN, to find a client by BSN without decrypting every row. */
  bsn_lookup: Buffer | null
  street: Generated<string>
  house_number: Generated<string>
  postal_code: Generated<string>
  city: Generated<string>
  address_extra: Generated<string>
  phone: Generated<string>
  email: Generated<string>
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
