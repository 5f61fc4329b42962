import type { Generated } from 'kysely'

export interface TeamTable {
  id: Generated<string>
  ecd_id: string | null
  name: string
  location: Generated<string>
  created_at: Generated<Date>
  /** FHIR version (meta.versionId, ETag): bumped by a database trigger on every update. */
  version: Generated<number>
  updated_at: Generated<Date>
}

export interface StaffMemberTable {
  id: Generated<string>
  ecd_id: string | null
  account_id: string | null
  name: string
  discipline: Generated<string>
  is_caregiver: Generated<boolean>
  is_administrator: Generated<boolean>
  created_at: Generated<Date>
  /** FHIR version (meta.versionId, ETag): bumped by a database trigger on every update. */
  version: Generated<number>
  updated_at: Generated<Date>
}

export interface TeamMembershipTable {
  team_id: string
  staff_member_id: string
}

export type CareAssignmentRole = 'team' | 'evv' | 'responsible' | 'practitioner'

export interface CareAssignmentTable {
  id: Generated<string>
  ecd_id: string | null
  client_id: string
  team_id: string | null
  staff_member_id: string | null
  role: CareAssignmentRole
  discipline: Generated<string>
  /** 'YYYY-MM-DD' */
  valid_from: string
  valid_until: string | null
  /** FHIR version (meta.versionId, ETag): bumped by a database trigger on every update. */
  version: Generated<number>
  updated_at: Generated<Date>
}
