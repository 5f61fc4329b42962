import { type Kysely, sql } from 'kysely'

// Frozen in time: never imports application code, never edited once released.

export async function up(db: Kysely<any>): Promise<void> {
  // Authenticator app: one per account. Unconfirmed while confirmed_at is null (enrolment in progress).
  // last_used_step is the last accepted 30-second step: a code is never accepted twice.
  await sql`
    create table account_totp (
      account_id uuid primary key references account (id),
      secret_encrypted bytea not null,
      created_at timestamptz not null,
      confirmed_at timestamptz,
      last_used_step bigint
    )`.execute(db)

  // One-time recovery codes; only a hash is stored, used_at marks the one use.
  await sql`
    create table recovery_code (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references account (id),
      code_hash bytea not null unique,
      created_at timestamptz not null,
      used_at timestamptz
    )`.execute(db)
  await sql`create index recovery_code_account_idx on recovery_code (account_id) where used_at is null`.execute(db)

  // WebAuthn credentials. user_handle is the opaque WebAuthn user id, the same for all of an account's passkeys.
  await sql`
    create table passkey (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references account (id),
      credential_id text not null unique,
      public_key bytea not null,
      counter bigint not null default 0,
      transports text[] not null default '{}',
      user_handle text not null,
      name text not null,
      device_type text not null,
      backed_up boolean not null,
      created_at timestamptz not null,
      last_used_at timestamptz
    )`.execute(db)
  await sql`create index passkey_account_idx on passkey (account_id)`.execute(db)

  // Challenges handed to browsers, shared by every app instance; deleted when used (single use).
  await sql`
    create table webauthn_challenge (
      challenge_hash bytea primary key,
      purpose text not null check (purpose in ('registration', 'authentication')),
      account_id uuid references account (id),
      user_handle text,
      created_at timestamptz not null,
      expires_at timestamptz not null
    )`.execute(db)
  await sql`create index webauthn_challenge_expires_idx on webauthn_challenge (expires_at)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table webauthn_challenge`.execute(db)
  await sql`drop table passkey`.execute(db)
  await sql`drop table recovery_code`.execute(db)
  await sql`drop table account_totp`.execute(db)
}
