import type { Generated } from 'kysely'

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed'

export interface OutboxMessageTable {
  id: Generated<string>
  channel: 'email' | 'sms' | 'webhook' | 'push'
  recipient: string
  subject: Generated<string>
  /**
   * The body ({text, html}), encrypted with the data key (see outbox-secrets.ts); null once the
   * message is sent or given up: links and codes are not kept after delivery.
   */
  payload: Buffer | null
  status: Generated<OutboxStatus>
  attempts: Generated<number>
  /** pending: earliest next attempt; sending: end of the worker's lease. */
  next_attempt_at: Generated<Date>
  last_error: string | null
  created_at: Generated<Date>
  sent_at: Date | null
  /** Set at each claim; only the worker holding this token may mark the attempt's outcome. */
  claim_token: string | null
}
