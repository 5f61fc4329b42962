import { type Kysely, sql } from 'kysely'

// Frozen in time: never imports application code, never edited once released.

export async function up(db: Kysely<any>): Promise<void> {
  // Whether portal readers see the name of a report's author, or only the role. Off unless
  // the organisation chooses otherwise: staff names are personal data of the staff.
  await sql`alter table organisation add column show_report_author_name boolean not null default false`.execute(db)

  // The portal reads only visible reports, newest first per client: a partial index skips the
  // hidden ones and serves the keyset (reported_at, id) of every page without a sort.
  await sql`
    create index report_portal_time_idx on report (client_id, reported_at desc, id desc)
    where visible_in_portal`.execute(db)

  // Text search inside one client's reports: trigrams make "body ILIKE '%word%'" an index lookup,
  // and btree_gin lets the same GIN index hold the client id, so only that client's matches are read.
  // PGlite has both only when it was started with them (server/db/pglite-extensions.ts); without
  // them the search is an ILIKE filter over the client's rows, bounded by the keyset page.
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from pg_available_extensions where name in ('pg_trgm', 'btree_gin')`.execute(db)
  if (rows[0]?.n === 2) {
    await sql`create extension if not exists pg_trgm`.execute(db)
    await sql`create extension if not exists btree_gin`.execute(db)
    await sql`
      create index report_portal_body_trgm_idx on report using gin (client_id, body gin_trgm_ops)
      where visible_in_portal`.execute(db)
  }

  // "Wie heeft mijn dossier ingezien?": one client's successful accesses, newest first.
  await sql`
    create index access_log_client_success_idx on access_log (client_id, occurred_at desc, id desc)
    where outcome = 'success'`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists access_log_client_success_idx`.execute(db)
  await sql`drop index if exists report_portal_body_trgm_idx`.execute(db)
  await sql`drop index if exists report_portal_time_idx`.execute(db)
  await sql`alter table organisation drop column show_report_author_name`.execute(db)
}
