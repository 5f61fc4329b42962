import { type Kysely, sql } from 'kysely'

// Frozen in time: never imports application code, never edited once released.

export async function up(db: Kysely<any>): Promise<void> {
  // Machine clients of the FHIR API (the ECD). The secret is 256 random bits, so its SHA-256 is
  // enough to store (no slow hash needed); a public JWK allows private_key_jwt instead.
  await sql`
    create table integration_client (
      id uuid primary key default gen_random_uuid(),
      name text not null unique,
      secret_hash bytea,
      public_jwk jsonb,
      identifier_system text not null,
      scopes text not null,
      requests_per_minute integer not null default 600 check (requests_per_minute > 0),
      created_at timestamptz not null default now(),
      disabled_at timestamptz,
      check (secret_hash is not null or public_jwk is not null)
    )`.execute(db)

  // Short-lived opaque bearer tokens; only the SHA-256 of the token is stored.
  await sql`
    create table integration_token (
      token_hash bytea primary key,
      integration_client_id uuid not null references integration_client (id),
      scopes text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null
    )`.execute(db)
  await sql`create index integration_token_expiry_idx on integration_token (expires_at)`.execute(db)

  // Each signed client assertion works once: its jti is kept until it expires.
  await sql`
    create table integration_assertion (
      integration_client_id uuid not null references integration_client (id),
      jti text not null,
      expires_at timestamptz not null,
      primary key (integration_client_id, jti)
    )`.execute(db)

  // FHIR versions (meta.versionId, ETag) of the rows the API maps: a counter the database bumps
  // on every update, so changes made by the portal itself also make an old If-Match stale.
  // updated_at stays the writer's job: it comes from the application's (injectable) clock.
  await sql`
    create function bump_row_version() returns trigger language plpgsql as $$
    begin
      new.version := old.version + 1;
      return new;
    end
    $$`.execute(db)
  await sql`alter table client add column version integer not null default 1`.execute(db)
  for (const table of ['team', 'staff_member', 'care_assignment']) {
    await sql`alter table ${sql.table(table)} add column version integer not null default 1`.execute(db)
    await sql`alter table ${sql.table(table)} add column updated_at timestamptz not null default now()`.execute(db)
  }
  for (const table of ['client', 'team', 'staff_member', 'care_assignment']) {
    await sql`create trigger ${sql.raw(`${table}_bump_version`)} before update on ${sql.table(table)} for each row execute function bump_row_version()`.execute(db)
    // Serves _lastUpdated searches, the ECD's way to poll what changed.
    await sql`create index ${sql.raw(`${table}_updated_at_idx`)} on ${sql.table(table)} (updated_at)`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['client', 'team', 'staff_member', 'care_assignment']) {
    await sql`drop trigger if exists ${sql.raw(`${table}_bump_version`)} on ${sql.table(table)}`.execute(db)
    await sql`drop index if exists ${sql.raw(`${table}_updated_at_idx`)}`.execute(db)
    await sql`alter table ${sql.table(table)} drop column version`.execute(db)
  }
  for (const table of ['team', 'staff_member', 'care_assignment']) await sql`alter table ${sql.table(table)} drop column updated_at`.execute(db)
  await sql`drop function bump_row_version()`.execute(db)
  await sql`drop table integration_assertion`.execute(db)
  await sql`drop table integration_token`.execute(db)
  await sql`drop table integration_client`.execute(db)
}
