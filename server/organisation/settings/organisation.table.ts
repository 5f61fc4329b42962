import type { Generated } from 'kysely'

export interface OrganisationTable {
  id: Generated<number>
  name: string
  tagline: Generated<string>
  logo: Buffer | null
  logo_mime_type: 'image/png' | 'image/jpeg' | 'image/webp' | null
  primary_color: Generated<string>
  accent_color: Generated<string>
  support_text: Generated<string>
  password_min_length: Generated<number>
  password_require_composition: Generated<boolean>
  session_idle_minutes: Generated<number>
  session_max_hours: Generated<number>
  /** Portal readers see a report author's name, not only the role (default off). */
  show_report_author_name: Generated<boolean>
  updated_at: Generated<Date>
}
