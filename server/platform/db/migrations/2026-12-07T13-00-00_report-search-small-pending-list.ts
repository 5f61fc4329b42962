import { type Kysely, sql } from 'kysely'

// Frozen in time: never imports application code, never edited once released.

// The report search's GIN index (client_id, body trigrams) takes new rows into its "pending list"
// (fastupdate), up to 4 MB by default: every search reads the whole list, row by row, until a
// vacuum or a full list merges it. After an ECD import of thousands of reports a rare-word search
// cost 30–120 ms instead of 3–18 ms. A 256 kB list keeps that scan small while inserts still go
// in batches (fastupdate off made bulk inserts several times slower: a 30,000-row test insert
// went past a minute on PGlite).
export async function up(db: Kysely<any>): Promise<void> {
  if (!(await searchIndexExists(db))) return
  await sql`alter index report_portal_body_trgm_idx set (gin_pending_list_limit = 256)`.execute(db)
  // Merges what is already pending, so the bound holds from now on, not from the next vacuum.
  await sql`select gin_clean_pending_list('report_portal_body_trgm_idx'::regclass)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(await searchIndexExists(db))) return
  await sql`alter index report_portal_body_trgm_idx reset (gin_pending_list_limit)`.execute(db)
}

/** Made only where pg_trgm and btree_gin exist (2026-11-27T16-30-00_client-record-search). */
async function searchIndexExists(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_class where relname = 'report_portal_body_trgm_idx' and relkind = 'i'`.execute(db)
  return rows[0]?.n === 1
}
