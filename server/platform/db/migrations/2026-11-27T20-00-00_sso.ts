import { type Kysely, sql } from 'kysely'

// Frozen in time: never imports application code, never edited once released.

export async function up(db: Kysely<any>): Promise<void> {
  // One single sign-on in progress: kept in the database, so any app instance can take the
  // IdP's answer. Found by the SHA-256 of the browser cookie's random id; used once.
  await sql`
    create table sso_login_state (
      id_hash bytea primary key,
      state text not null,
      nonce text not null,
      code_verifier text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz
    )`.execute(db)
  await sql`create index sso_login_state_expires_idx on sso_login_state (expires_at)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table sso_login_state`.execute(db)
}
