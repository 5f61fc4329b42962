import type { Generated } from 'kysely'

export interface SubscriptionTable {
  id: Generated<string>
  ecd_id: string | null
  client_id: string
  service: string
  supplier: string
  /** 'YYYY-MM-DD' */
  starts_on: string
  ends_on: string | null
}
