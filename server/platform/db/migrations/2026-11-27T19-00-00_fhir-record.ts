import { type Kysely, sql } from 'kysely'

// Frozen in time: never imports application code, never edited once released.

/** Tables of the record the FHIR API maps, and the column their last change is copied from. */
const WITH_UPDATED_AT = ['report', 'appointment']
const NEW_UPDATED_AT: Record<string, string> = { message: 'created_at', care_plan_print: 'created_at', consent: 'recorded_at' }
const ALL = [...WITH_UPDATED_AT, ...Object.keys(NEW_UPDATED_AT)]

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, from] of Object.entries(NEW_UPDATED_AT)) {
    await sql`alter table ${sql.table(table)} add column updated_at timestamptz not null default now()`.execute(db)
    // Existing rows changed last when they were made, not when this migration ran.
    await sql`update ${sql.table(table)} set updated_at = ${sql.ref(from)}`.execute(db)
  }
  for (const table of ALL) {
    // The FHIR version (meta.versionId, ETag), bumped by bump_row_version() on every update.
    await sql`alter table ${sql.table(table)} add column version integer not null default 1`.execute(db)
    await sql`create trigger ${sql.raw(`${table}_bump_version`)} before update on ${sql.table(table)} for each row execute function bump_row_version()`.execute(db)
    // Serves _lastUpdated searches, the ECD's way to poll what changed.
    await sql`create index ${sql.raw(`${table}_updated_at_idx`)} on ${sql.table(table)} (updated_at)`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ALL) {
    await sql`drop trigger if exists ${sql.raw(`${table}_bump_version`)} on ${sql.table(table)}`.execute(db)
    await sql`drop index if exists ${sql.raw(`${table}_updated_at_idx`)}`.execute(db)
    await sql`alter table ${sql.table(table)} drop column version`.execute(db)
  }
  for (const table of Object.keys(NEW_UPDATED_AT)) await sql`alter table ${sql.table(table)} drop column updated_at`.execute(db)
}
