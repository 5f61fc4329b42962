import type { Generated } from 'kysely'

export interface ReportTable {
  id: Generated<string>
  ecd_id: string | null
  client_id: string
  team_id: string | null
  author_staff_id: string | null
  author_role: Generated<string>
  care_plan_goal: Generated<string>
  body: string
  reported_at: Date
  visible_in_portal: Generated<boolean>
  created_at: Generated<Date>
  updated_at: Generated<Date>
  version: Generated<number>
}
