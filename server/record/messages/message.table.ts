import type { Generated } from 'kysely'

/** One message in a client's conversation; exactly one of the two authors is set. */
export interface MessageTable {
  id: Generated<string>
  ecd_id: string | null
  client_id: string
  author_account_id: string | null
  author_staff_id: string | null
  body: string
  /** When the writer sent it, as the ECD says (FHIR `sent`); null for the portal's own (= created_at). */
  sent_at: Generated<Date | null>
  created_at: Generated<Date>
  updated_at: Generated<Date>
  version: Generated<number>
}

/** Per reader and client: messages created up to read_until are read. Exactly one reader is set. */
export interface MessageReadMarkerTable {
  id: Generated<string>
  client_id: string
  account_id: string | null
  staff_member_id: string | null
  read_until: Date
  updated_at: Generated<Date>
}
