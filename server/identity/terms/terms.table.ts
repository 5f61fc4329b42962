import type { Generated } from 'kysely'

export interface TermsVersionTable {
  id: Generated<string>
  version: number
  body: string
  published_at: Generated<Date>
  published_by: string | null
}

export interface TermsAcceptanceTable {
  account_id: string
  terms_version_id: string
  accepted_at: Generated<Date>
}
