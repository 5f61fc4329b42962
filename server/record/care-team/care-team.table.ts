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
  /** BIG register number, UZI number and URA (UZI register subscriber) number, from the ECD's Practitioner. */
  big_number: Generated<string>
  uzi_number: Generated<string>
  ura_number: Generated<string>
  /** FHIR name.prefix ("Drs."), space-separated. */
  title: Generated<string>
  /** The name's parts as the ECD sent them (nl-core); `name` stays the name the portal shows. */
  given_name: Generated<string>
  name_prefix: Generated<string>
  family_name: Generated<string>
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
  /** The ECD's CareTeam this assignment came with (null when made in the portal). */
  care_team_id: string | null
  /** FHIR version (meta.versionId, ETag): bumped by a database trigger on every update. */
  version: Generated<number>
  updated_at: Generated<Date>
}

/** A client's care team as the ECD sends it (FHIR CareTeam); its members are care assignments. */
export interface CareTeamTable {
  id: Generated<string>
  ecd_id: string
  client_id: string
  name: Generated<string>
  /** 'YYYY-MM-DD' */
  valid_from: string
  valid_until: string | null
  version: Generated<number>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

/** A staff member's role in a team as the ECD sends it (FHIR PractitionerRole); while active, a team membership. */
export interface PractitionerRoleTable {
  id: Generated<string>
  ecd_id: string
  staff_member_id: string
  team_id: string
  role: Generated<string>
  active: Generated<boolean>
  /** 'YYYY-MM-DD' */
  valid_from: string | null
  valid_until: string | null
  version: Generated<number>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}
