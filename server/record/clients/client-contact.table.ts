import type { Generated, JSONColumnType } from 'kysely'

/** A code of a contact person's relationship to the client, as the ECD sent it (zib RolCodelijst, v3 RoleCode). */
export interface RelationshipCode {
  system: string
  code: string
  display: string
}

/**
 * A contact person the ECD names inside the Patient (Patient.contact, zib ContactPerson): who to
 * call, not a portal account. Replaced as a whole on each push of the Patient, in `position` order.
 */
export interface ClientContactTable {
  id: Generated<string>
  client_id: string
  position: number
  relationships: JSONColumnType<RelationshipCode[]>
  name_text: Generated<string>
  initials: Generated<string>
  given_name: Generated<string>
  given_names: Generated<string>
  name_prefix: Generated<string>
  family_name: Generated<string>
  partner_prefix: Generated<string>
  partner_name: Generated<string>
  name_usage: Generated<string>
  phone: Generated<string>
  phone_use: Generated<string>
  mobile_phone: Generated<string>
  email: Generated<string>
  email_use: Generated<string>
  street: Generated<string>
  house_number: Generated<string>
  postal_code: Generated<string>
  city: Generated<string>
  address_extra: Generated<string>
  address_type: Generated<string>
  district: Generated<string>
  country: Generated<string>
}
