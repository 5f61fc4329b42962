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
  updated_at: Generated<Date>
}
