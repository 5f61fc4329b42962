import { type Kysely, sql } from 'kysely'

// Frozen in time: never imports application code, never edited once released.
//
// Topic-based FHIR subscriptions (R4 Subscriptions Backport, docs/decisions/fhir-subscriptions.md):
// an integration client asks to be told when a topic's event happens (a portal message, an
// appointment made or changed in the portal). Its endpoint and the header that authenticates
// the portal there are secrets: stored encrypted with the data key, never in clear text.
// `events_since_start` numbers each subscription's events (the receiver deduplicates by it);
// `last_notified_at` decides when a heartbeat is due.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table fhir_subscription (
      id uuid primary key default gen_random_uuid(),
      integration_client_id uuid not null references integration_client (id),
      topic text not null,
      status text not null default 'active' check (status in ('active', 'off')),
      endpoint_encrypted bytea not null,
      header_encrypted bytea,
      payload text not null check (payload in ('empty', 'id-only')),
      heartbeat_seconds integer check (heartbeat_seconds between 60 and 86400),
      reason text not null default '',
      events_since_start integer not null default 0,
      last_notified_at timestamptz not null,
      end_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db)
  await sql`create index fhir_subscription_client_idx on fhir_subscription (integration_client_id, updated_at, id)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table fhir_subscription`.execute(db)
}
