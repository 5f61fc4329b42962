import { type Kysely, sql } from 'kysely'

// Frozen in time: this migration never imports application code and is never edited
// once released. Change the schema with a new migration.

/**
 * Outbox bodies hold password links and login codes. From now on a body is stored only
 * encrypted with the data key (payload, AES-256-GCM) and erased once the message is delivered
 * or given up. The migration cannot encrypt existing bodies (it has no key), so:
 *  - sent and failed messages lose their bodies (nothing needs them any more);
 *  - pending messages (queued but not yet delivered) are given up with a reason: a login code
 *    expires in minutes anyway, and a welcome or reset link can be asked for again.
 * Dropping the columns leaves the old values in dead tuples until VACUUM reclaims them; run
 * VACUUM FULL outbox_message after upgrading to remove them from disk at once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    update outbox_message
       set status = 'failed', claim_token = null,
           last_error = 'not sent: queued before outbox encryption; ask for a new link or code'
     where status in ('pending', 'sending')`.execute(db)
  await sql`alter table outbox_message drop column body_text, drop column body_html`.execute(db)
  await sql`alter table outbox_message add column payload bytea`.execute(db)
  // A message still to be sent always has its (encrypted) body; a delivered one may have none.
  await sql`
    alter table outbox_message add constraint outbox_message_payload_check
      check (payload is not null or status in ('sent', 'failed'))`.execute(db)
  await sql`
    comment on column outbox_message.payload is
      'Encrypted body (AES-256-GCM with the data key, JSON {text, html}); erased once sent or given up, except in demo mode.'`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table outbox_message drop constraint outbox_message_payload_check`.execute(db)
  await sql`update outbox_message set status = 'failed', claim_token = null where status in ('pending', 'sending')`.execute(db)
  await sql`alter table outbox_message drop column payload`.execute(db)
  await sql`alter table outbox_message add column body_text text not null default ''`.execute(db)
  await sql`alter table outbox_message add column body_html text`.execute(db)
}
