import { type Kysely, sql } from 'kysely'

// Frozen in time: this migration never imports application code and is never edited
// once released. Change the schema with a new migration.

/**
 * Delivery with a lease: a worker claims a message by setting status 'sending' and a fresh
 * claim_token in one short statement, sends it outside any transaction, then marks it sent
 * only if its claim_token still matches. While a message is 'sending', next_attempt_at holds
 * the end of the lease: if the worker dies, the message becomes due again at that moment.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table outbox_message drop constraint outbox_message_status_check`.execute(db)
  await sql`
    alter table outbox_message add constraint outbox_message_status_check
      check (status in ('pending', 'sending', 'sent', 'failed'))`.execute(db)
  await sql`alter table outbox_message add column claim_token uuid`.execute(db)
  await sql`
    comment on column outbox_message.next_attempt_at is
      'pending: earliest next attempt. sending: end of the lease, after which another worker may retry.'`.execute(db)

  // The worker's one question, "what is due?", covers expired leases as well.
  await sql`drop index outbox_message_due_idx`.execute(db)
  await sql`
    create index outbox_message_due_idx on outbox_message (next_attempt_at, id)
      where status in ('pending', 'sending')`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update outbox_message set status = 'pending' where status = 'sending'`.execute(db)
  await sql`drop index outbox_message_due_idx`.execute(db)
  await sql`create index outbox_message_due_idx on outbox_message (next_attempt_at) where status = 'pending'`.execute(db)
  await sql`alter table outbox_message drop column claim_token`.execute(db)
  await sql`alter table outbox_message drop constraint outbox_message_status_check`.execute(db)
  await sql`
    alter table outbox_message add constraint outbox_message_status_check
      check (status in ('pending', 'sent', 'failed'))`.execute(db)
}
