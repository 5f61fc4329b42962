import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { AppError } from '../errors.ts'
import { encryptPayload, outboxSecretsOf } from './outbox-secrets.ts'
import { findRecentOutboxMessages, insertOutboxMessage } from './outbox.repository.ts'
import type { OutboxStatus } from './outbox.table.ts'

/** International format, as SMS providers want it: +31612345678. */
const E164 = /^\+[1-9]\d{7,14}$/

/**
 * Queues an e-mail for delivery by the outbox worker.
 *
 * Call it with the transaction that makes the change the e-mail is about (`db` = the
 * transaction object), so the message exists exactly when that change was committed.
 * The message must not contain record content (reports, health data, BSN): write "Er staat
 * een nieuw bericht voor u klaar" with a link to the portal, never the message itself.
 * Links with tokens are fine: the body is stored only encrypted with the data key (the `db`
 * handle carries it, see outbox-secrets.ts), erased once delivered, and never logged.
 */
export async function enqueueEmail(
  db: Kysely<Database>,
  message: { to: string; subject: string; text: string; html: string },
  now: Date,
): Promise<{ id: string }> {
  const to = message.to.trim()
  if (!to.includes('@') || /[\r\n]/.test(to)) throw new AppError('internal', 'enqueueEmail: recipient is not an e-mail address')
  if (/[\r\n]/.test(message.subject)) throw new AppError('internal', 'enqueueEmail: subject contains a line break')
  return insertOutboxMessage(db, {
    channel: 'email',
    recipient: to,
    subject: message.subject,
    payload: encryptPayload(outboxSecretsOf(db), { text: message.text, html: message.html }),
    next_attempt_at: now,
    created_at: now,
  })
}

/**
 * Queues an SMS (for example a login code) for delivery by the outbox worker.
 *
 * Same rules as {@link enqueueEmail}: pass the caller's transaction as `db`, and never put
 * record content in the text. `to` must be in international format (+31612345678).
 */
export async function enqueueSms(db: Kysely<Database>, message: { to: string; text: string }, now: Date): Promise<{ id: string }> {
  if (!E164.test(message.to)) throw new AppError('internal', 'enqueueSms: recipient is not in international format (+31612345678)')
  return insertOutboxMessage(db, {
    channel: 'sms',
    recipient: message.to,
    payload: encryptPayload(outboxSecretsOf(db), { text: message.text, html: null }),
    next_attempt_at: now,
    created_at: now,
  })
}

/**
 * Queues a JSON POST to an outside system (a FHIR subscription's notification), in the caller's
 * transaction like {@link enqueueEmail}. The URL and headers (a bearer credential) are secrets:
 * they travel only in the encrypted payload, erased once delivered; `recipient` is a name for
 * the log and the admin view, never the URL. Delivery is at least once: the body must carry an
 * id the receiver can deduplicate on.
 */
export async function enqueueWebhook(
  db: Kysely<Database>,
  message: { recipient: string; subject: string; url: string; headers: Record<string, string>; body: string },
  now: Date,
): Promise<{ id: string }> {
  if (!/^https?:\/\//.test(message.url)) throw new AppError('internal', 'enqueueWebhook: not an http(s) URL')
  return insertOutboxMessage(db, {
    channel: 'webhook',
    recipient: message.recipient,
    subject: message.subject,
    payload: encryptPayload(outboxSecretsOf(db), { text: JSON.stringify({ url: message.url, headers: message.headers, body: message.body }), html: null }),
    next_attempt_at: now,
    created_at: now,
  })
}

export interface DevOutboxMessage {
  id: string
  channel: 'email' | 'sms' | 'webhook'
  to: string
  subject: string
  text: string
  html: string | null
  status: OutboxStatus
  attempts: number
  lastError: string | null
  createdAt: string
  sentAt: string | null
}

type OutboxRow = Awaited<ReturnType<typeof findRecentOutboxMessages>>[number]

export function outboxRowToDevOutboxMessage(row: OutboxRow): DevOutboxMessage {
  return {
    id: row.id,
    channel: row.channel,
    to: row.recipient,
    subject: row.subject,
    text: row.body_text,
    html: row.body_html,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at ? row.sent_at.toISOString() : null,
  }
}

/** The last `limit` messages with their bodies, for the development mailbox only. */
export async function listRecentOutboxMessages(db: Kysely<Database>, limit = 50): Promise<DevOutboxMessage[]> {
  const rows = await findRecentOutboxMessages(db, limit)
  return rows.map(outboxRowToDevOutboxMessage)
}
