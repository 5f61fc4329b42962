import type { Generated } from 'kysely'

export interface AppointmentTable {
  id: Generated<string>
  ecd_id: string | null
  client_id: string
  starts_at: Date
  ends_at: Date
  title: string
  location: Generated<string>
  with_whom: Generated<string>
  /** The ECD's comment (FHIR Appointment.comment). */
  comment: Generated<string>
  created_by_account_id: string | null
  created_by_staff_id: string | null
  cancelled_at: Date | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
  version: Generated<number>
}
