import type { Generated } from 'kysely'

export interface PasswordTokenTable {
  token_hash: Buffer
  account_id: string
  purpose: 'welcome' | 'reset'
  created_at: Date
  expires_at: Date
  used_at: Date | null
}

export interface LoginAttemptTable {
  id: Generated<string>
  token_hash: Buffer
  account_id: string
  created_at: Date
  expires_at: Date
  completed_at: Date | null
  sms_prefix: string | null
  sms_code_hash: Buffer | null
  sms_code_expires_at: Date | null
  sms_code_tries: Generated<number>
  sms_requests: Generated<number>
  sms_last_requested_at: Date | null
}

export interface RateLimitTable {
  key: string
  window_start: Date
  hits: number
}
