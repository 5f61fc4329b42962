import { type Kysely, sql } from 'kysely'

// Frozen in time: never imports application code, never edited once released.

export async function up(db: Kysely<any>): Promise<void> {
  // Welcome and reset links. Only the SHA-256 of the token is stored.
  await sql`
    create table password_token (
      token_hash bytea primary key,
      account_id uuid not null references account (id),
      purpose text not null check (purpose in ('welcome', 'reset')),
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz
    )`.execute(db)
  await sql`create index password_token_account_idx on password_token (account_id) where used_at is null`.execute(db)

  // One login in progress: the password was right, the second factor is still to come.
  await sql`
    create table login_attempt (
      id uuid primary key default gen_random_uuid(),
      token_hash bytea not null unique,
      account_id uuid not null references account (id),
      created_at timestamptz not null,
      expires_at timestamptz not null,
      completed_at timestamptz,
      sms_prefix text,
      sms_code_hash bytea,
      sms_code_expires_at timestamptz,
      sms_code_tries integer not null default 0,
      sms_requests integer not null default 0,
      sms_last_requested_at timestamptz
    )`.execute(db)
  await sql`create index login_attempt_account_idx on login_attempt (account_id)`.execute(db)

  // Fixed-window counters shared by every app instance.
  await sql`
    create table rate_limit (
      key text not null,
      window_start timestamptz not null,
      hits integer not null,
      primary key (key, window_start)
    )`.execute(db)

  await sql`alter table session add column csrf_token text not null default ''`.execute(db)
  await sql`alter table session add column authenticated_at timestamptz not null default now()`.execute(db)
  await sql`alter table session add column second_factor text not null default ''`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table session drop column csrf_token, drop column authenticated_at, drop column second_factor`.execute(db)
  await sql`drop table rate_limit`.execute(db)
  await sql`drop table login_attempt`.execute(db)
  await sql`drop table password_token`.execute(db)
}
