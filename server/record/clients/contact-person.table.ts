import type { Generated } from 'kysely'

/** A client's contact person or representative as the ECD knows them; not a portal account. */
export interface ContactPersonTable {
  id: Generated<string>
  ecd_id: string
  client_id: string
  name: string
  /** As the ECD names it: "Eerste relatie/contactpersoon", "Mentor", "Dochter", ... */
  relationship: Generated<string>
  phone: Generated<string>
  email: Generated<string>
  active: Generated<boolean>
  version: Generated<number>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}
