import type { Insertable, Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { decryptPayload, outboxSecretsOf } from './outbox-secrets.ts'
import type { OutboxMessageTable } from './outbox.table.ts'

type Channel = OutboxMessageTable['channel']

export async function insertOutboxMessage(db: Kysely<Database>, values: Insertable<OutboxMessageTable>) {
  return db.insertInto('outbox_message').values(values).returning(['id']).executeTakeFirstOrThrow()
}

/**
 * Claims the oldest due message in one statement (one short transaction): a pending message
 * whose time has come, or a 'sending' one whose lease ran out because its worker died.
 * SKIP LOCKED lets concurrent workers pass over a row another worker is claiming right now,
 * instead of waiting for it and then finding it already taken.
 * The body comes back decrypted (body_text, body_html), in memory only, for the transport.
 */
export async function claimNextDueMessage(
  db: Kysely<Database>,
  claim: { now: Date; leaseUntil: Date; claimToken: string; channels: Channel[]; maxAttempts: number },
) {
  if (claim.channels.length === 0) return undefined
  const secrets = outboxSecretsOf(db)
  const claimed = await db
    .updateTable('outbox_message')
    .set((eb) => ({
      status: 'sending',
      claim_token: claim.claimToken,
      next_attempt_at: claim.leaseUntil,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', (eb) =>
      eb
        .selectFrom('outbox_message')
        .select('id')
        .where('status', 'in', ['pending', 'sending'])
        .where('next_attempt_at', '<=', claim.now)
        .where('channel', 'in', claim.channels)
        .where('attempts', '<', claim.maxAttempts)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'channel', 'recipient', 'subject', 'payload', 'attempts', 'created_at'])
    .executeTakeFirst()
  if (!claimed) return undefined
  const { payload, ...message } = claimed
  // The table's check constraint keeps a body on every message still to be sent.
  const body = payload ? decryptPayload(secrets, payload) : { text: '', html: null }
  return { ...message, body_text: body.text, body_html: body.html }
}

/** What delivered or given-up messages keep of their body: nothing, except in demo mode (encrypted). */
function erasedPayload(db: Kysely<Database>): { payload?: null } {
  return outboxSecretsOf(db).keepDelivered ? {} : { payload: null }
}

/**
 * Marks a claimed message sent and erases its body (links, codes): from here on the table
 * holds only who, when and how it went. False when the claim was lost (the lease ran out and
 * another worker took it).
 */
export async function markMessageSent(db: Kysely<Database>, id: string, claimToken: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('outbox_message')
    .set({ status: 'sent', sent_at: now, claim_token: null, last_error: null, ...erasedPayload(db) })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('claim_token', '=', claimToken)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Records a failed attempt: back to pending at `retryAt`, or 'failed' (body erased) when `retryAt` is null. */
export async function markAttemptFailed(
  db: Kysely<Database>,
  outcome: { id: string; claimToken: string; error: string; retryAt: Date | null },
): Promise<boolean> {
  const result = await db
    .updateTable('outbox_message')
    .set({
      status: outcome.retryAt ? 'pending' : 'failed',
      next_attempt_at: outcome.retryAt ?? undefined,
      last_error: outcome.error,
      claim_token: null,
      ...(outcome.retryAt ? {} : erasedPayload(db)),
    })
    .where('id', '=', outcome.id)
    .where('status', '=', 'sending')
    .where('claim_token', '=', outcome.claimToken)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/**
 * A message whose last allowed attempt was claimed but never reported back (its worker died):
 * the claim query no longer takes it, so it is given up here rather than left 'sending' forever.
 */
export async function failExhaustedExpiredClaims(db: Kysely<Database>, now: Date, maxAttempts: number): Promise<number> {
  const result = await db
    .updateTable('outbox_message')
    .set({ status: 'failed', claim_token: null, last_error: 'lease expired on the last attempt', ...erasedPayload(db) })
    .where('status', 'in', ['pending', 'sending'])
    .where('next_attempt_at', '<=', now)
    .where('attempts', '>=', maxAttempts)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** The newest messages, bodies decrypted (empty once erased): only for the development mailbox. */
export async function findRecentOutboxMessages(db: Kysely<Database>, limit: number) {
  const secrets = outboxSecretsOf(db)
  const rows = await db
    .selectFrom('outbox_message')
    .select(['id', 'channel', 'recipient', 'subject', 'payload', 'status', 'attempts', 'last_error', 'created_at', 'sent_at'])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map(({ payload, ...row }) => {
    const body = payload ? decryptPayload(secrets, payload) : { text: '', html: null }
    return { ...row, body_text: body.text, body_html: body.html }
  })
}

/**
 * The undelivered messages (pending, or being sent): how many, and when the oldest was queued.
 * Read by /metrics; the due index holds exactly these rows.
 */
export async function findOutboxBacklog(db: Kysely<Database>): Promise<{ depth: number; oldestCreatedAt: Date | null }> {
  const row = await db
    .selectFrom('outbox_message')
    .select((eb) => [eb.fn.countAll<string>().as('depth'), eb.fn.min('created_at').as('oldest')])
    .where('status', 'in', ['pending', 'sending'])
    .executeTakeFirstOrThrow()
  return { depth: Number(row.depth), oldestCreatedAt: row.oldest ? new Date(row.oldest) : null }
}
