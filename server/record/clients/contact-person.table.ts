import type { Generated, JSONColumnType } from 'kysely'
import type { RelationshipCode } from './client-contact.table.ts'

/** A client's contact person or representative as the ECD knows them; not a portal account. */
export interface ContactPersonTable {
  id: Generated<string>
  ecd_id: string
  client_id: string
  name: string
  /** As the ECD names it: "Eerste relatie/contactpersoon", "Mentor", "Dochter", ... */
  relationship: Generated<string>
  /** The relationships' codes as sent (zib RolCodelijst, v3 RoleCode); the words above are what the portal shows. */
  relationship_codes: JSONColumnType<RelationshipCode[], string | undefined, string>
  phone: Generated<string>
  email: Generated<string>
  active: Generated<boolean>
  version: Generated<number>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}
