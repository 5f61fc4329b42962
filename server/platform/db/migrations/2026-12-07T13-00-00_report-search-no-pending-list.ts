import { type Kysely, sql } from 'kysely'

// Frozen in time: never imports application code, never edited once released.

// The report search's GIN index (client_id, body trigrams) took new rows into its "pending list"
// (fastupdate, the default): every search then reads the whole list, row by row, until a vacuum
// merges it. After an ECD import of thousands of reports a rare-word search cost 40–120 ms instead
// of 3–10 ms, and more for the clients whose rows sit in the list. Without it each insert updates
// the index itself (a little slower; reports arrive one by one from the ECD), and a search reads
// only the index entries of that client and those trigrams.
export async function up(db: Kysely<any>): Promise<void> {
  if (!(await searchIndexExists(db))) return
  await sql`alter index report_portal_body_trgm_idx set (fastupdate = off)`.execute(db)
  // Merges what is already pending, so the setting holds from now on, not from the next vacuum.
  await sql`select gin_clean_pending_list('report_portal_body_trgm_idx'::regclass)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(await searchIndexExists(db))) return
  await sql`alter index report_portal_body_trgm_idx reset (fastupdate)`.execute(db)
}

/** Made only where pg_trgm and btree_gin exist (2026-11-27T16-30-00_client-record-search). */
async function searchIndexExists(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_class where relname = 'report_portal_body_trgm_idx' and relkind = 'i'`.execute(db)
  return rows[0]?.n === 1
}
