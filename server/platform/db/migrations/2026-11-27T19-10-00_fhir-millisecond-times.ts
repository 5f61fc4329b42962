import { type Kysely, sql } from 'kysely'

// Frozen in time: never imports application code, never edited once released.

/** Every table the FHIR API serves with a version trigger (the migrations before this one). */
const TABLES = [
  'client', 'team', 'staff_member', 'care_assignment', 'care_team', 'practitioner_role', 'contact_person',
  'report', 'appointment', 'message', 'care_plan_print', 'consent',
]

// FHIR's meta.lastUpdated and JavaScript dates hold milliseconds; now() holds microseconds. A
// search's next-page cursor (the last row's lastUpdated and id) then lies before that row, and the
// page repeats for ever. Times the database makes itself are therefore cut to the millisecond.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function bump_row_version() returns trigger language plpgsql as $$
    begin
      new.version := old.version + 1;
      new.updated_at := date_trunc('milliseconds', new.updated_at);
      return new;
    end
    $$`.execute(db)
  for (const table of TABLES) {
    await sql`alter table ${sql.table(table)} alter column updated_at set default date_trunc('milliseconds', now())`.execute(db)
    // Rows made before keep their version: cutting their time is not a change of the record.
    await sql`alter table ${sql.table(table)} disable trigger ${sql.raw(`${table}_bump_version`)}`.execute(db)
    await sql`update ${sql.table(table)} set updated_at = date_trunc('milliseconds', updated_at) where updated_at <> date_trunc('milliseconds', updated_at)`.execute(db)
    await sql`alter table ${sql.table(table)} enable trigger ${sql.raw(`${table}_bump_version`)}`.execute(db)
  }
  // The access log is append-only (its old lines stay as they are); AuditEvent pages by its time.
  await sql`alter table access_log alter column occurred_at set default date_trunc('milliseconds', now())`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table access_log alter column occurred_at set default now()`.execute(db)
  for (const table of TABLES) await sql`alter table ${sql.table(table)} alter column updated_at set default now()`.execute(db)
  await sql`
    create or replace function bump_row_version() returns trigger language plpgsql as $$
    begin
      new.version := old.version + 1;
      return new;
    end
    $$`.execute(db)
}
