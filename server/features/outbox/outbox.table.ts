import type { Generated } from 'kysely'

export interface OutboxMessageTable {
  id: Generated<string>
  channel: 'email' | 'sms' | 'webhook'
  recipient: string
  subject: Generated<string>
  body_text: string
  body_html: string | null
  status: Generated<'pending' | 'sent' | 'failed'>
  attempts: Generated<number>
  next_attempt_at: Generated<Date>
  last_error: string | null
  created_at: Generated<Date>
  sent_at: Date | null
}
