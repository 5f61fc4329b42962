import { type Kysely, sql } from 'kysely'

// Frozen in time: never imports application code, never edited once released.
//
// "Meldingen" (docs/decisions/notifications.md):
// - per account (portal and staff), per kind and channel, how the person wants to hear of news:
//   off, at once, or in the daily digest; a missing row means the product's default;
// - web push subscriptions (endpoint and keys encrypted with the data key; the endpoint is a
//   bearer secret) and the VAPID key pair a demo/dev installation generates once;
// - what waits for the daily digest, what was sent (for "until read" and throttling), and the
//   state of the notification jobs, shared by every instance (a lease decides who runs).
// - the outbox learns a 'push' channel.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table notification_preference (
      account_id uuid not null references account (id) on delete cascade,
      kind text not null check (kind in ('message', 'report', 'appointment', 'care_plan_print', 'access_change', 'record_read')),
      channel text not null check (channel in ('email', 'sms', 'push')),
      mode text not null check (mode in ('off', 'immediate', 'digest')),
      updated_at timestamptz not null default now(),
      primary key (account_id, kind, channel),
      check (mode <> 'digest' or channel = 'email')
    )`.execute(db)

  await sql`
    create table push_subscription (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references account (id) on delete cascade,
      endpoint_hash bytea not null unique,
      subscription_encrypted bytea not null,
      device text not null default '',
      created_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index push_subscription_account_idx on push_subscription (account_id)`.execute(db)

  await sql`
    create table web_push_key (
      id smallint primary key check (id = 1),
      public_key text not null,
      private_key_encrypted bytea not null,
      created_at timestamptz not null default now()
    )`.execute(db)

  await sql`
    create table notification_digest_item (
      id bigint generated always as identity primary key,
      account_id uuid not null references account (id) on delete cascade,
      kind text not null,
      created_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index notification_digest_item_account_idx on notification_digest_item (account_id)`.execute(db)

  await sql`
    create table notification_sent (
      id bigint generated always as identity primary key,
      account_id uuid not null references account (id) on delete cascade,
      client_id uuid references client (id) on delete cascade,
      kind text not null,
      channel text not null,
      created_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index notification_sent_lookup_idx on notification_sent (account_id, client_id, kind, channel, created_at desc)`.execute(db)

  await sql`
    create table notification_job (
      name text primary key,
      due_at timestamptz not null,
      lease_until timestamptz,
      lease_token text,
      cursor_id bigint not null default 0
    )`.execute(db)
  // "Record read" starts at the log's present end: reads from before the feature existed are not announced.
  await sql`
    insert into notification_job (name, due_at, cursor_id)
    values ('digest', now(), 0), ('record_read', now(), (select coalesce(max(id), 0) from access_log))`.execute(db)

  await sql`alter table outbox_message drop constraint outbox_message_channel_check`.execute(db)
  await sql`alter table outbox_message add constraint outbox_message_channel_check check (channel in ('email', 'sms', 'webhook', 'push'))`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from outbox_message where channel = 'push'`.execute(db)
  await sql`alter table outbox_message drop constraint outbox_message_channel_check`.execute(db)
  await sql`alter table outbox_message add constraint outbox_message_channel_check check (channel in ('email', 'sms', 'webhook'))`.execute(db)
  for (const table of ['notification_job', 'notification_sent', 'notification_digest_item', 'web_push_key', 'push_subscription', 'notification_preference']) {
    await sql`drop table ${sql.table(table)}`.execute(db)
  }
}
