import type { Generated } from 'kysely'

export interface AccountTable {
  id: Generated<string>
  kind: 'portal' | 'staff'
  login_name: string
  display_name: string
  email: string
  mobile_phone: string | null
  password_hash: string | null
  password_is_temporary: Generated<boolean>
  password_changed_at: Date | null
  failed_attempts: Generated<number>
  throttled_until: Date | null
  blocked_at: Date | null
  ended_at: Date | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface SessionTable {
  token_hash: Buffer
  account_id: string
  created_at: Generated<Date>
  last_seen_at: Generated<Date>
  expires_at: Date
  ended_at: Date | null
  ip: Generated<string>
  user_agent: Generated<string>
  /** Sent by the web app in X-CSRF-Token with every state-changing request. */
  csrf_token: string
  /** When the person last proved who they are (password + second factor). */
  authenticated_at: Date
  second_factor: string
}
