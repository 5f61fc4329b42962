import type { Insertable, Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
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
 */
export async function claimNextDueMessage(
  db: Kysely<Database>,
  claim: { now: Date; leaseUntil: Date; claimToken: string; channels: Channel[]; maxAttempts: number },
) {
  if (claim.channels.length === 0) return undefined
  return db
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
    .returning(['id', 'channel', 'recipient', 'subject', 'body_text', 'body_html', 'attempts', 'created_at'])
    .executeTakeFirst()
}

/** Marks a claimed message sent; false when the claim was lost (the lease ran out and another worker took it). */
export async function markMessageSent(db: Kysely<Database>, id: string, claimToken: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('outbox_message')
    .set({ status: 'sent', sent_at: now, claim_token: null, last_error: null })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('claim_token', '=', claimToken)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Records a failed attempt: back to pending at `retryAt`, or 'failed' when `retryAt` is null. */
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
    .set({ status: 'failed', claim_token: null, last_error: 'lease expired on the last attempt' })
    .where('status', 'in', ['pending', 'sending'])
    .where('next_attempt_at', '<=', now)
    .where('attempts', '>=', maxAttempts)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** The newest messages, bodies included: only for the development mailbox. */
export async function findRecentOutboxMessages(db: Kysely<Database>, limit: number) {
  return db
    .selectFrom('outbox_message')
    .select(['id', 'channel', 'recipient', 'subject', 'body_text', 'body_html', 'status', 'attempts', 'last_error', 'created_at', 'sent_at'])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}
