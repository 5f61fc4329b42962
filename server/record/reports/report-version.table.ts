import type { Generated } from 'kysely'

/** What a report said before its author corrected it. */
export interface ReportVersionTable {
  id: Generated<string>
  report_id: string
  /** 1 for the first text, 2 for the text of the first correction, ... */
  version: number
  reported_at: Date
  care_plan_goal: string
  body: string
  visible_in_portal: boolean
  /** When this text was written (the report's created_at or its previous correction). */
  written_at: Date
  replaced_at: Date
  replaced_by_staff_id: string | null
}
