import type { Generated } from 'kysely'

export interface NewsItemTable {
  id: Generated<string>
  title: string
  body: string
  publish_from: Date
  publish_until: Date | null
  created_by: string | null
  created_at: Generated<Date>
}
