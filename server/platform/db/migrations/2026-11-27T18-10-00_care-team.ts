import { type Kysely, sql } from 'kysely'

// Frozen in time: never imports application code, never edited once released.

export async function up(db: Kysely<any>): Promise<void> {
  // A client's care team as the ECD sends it (FHIR CareTeam): its members are the care
  // assignments that point here, replaced as a whole when the ECD sends the team again.
  await sql`
    create table care_team (
      id uuid primary key default gen_random_uuid(),
      ecd_id text not null unique,
      client_id uuid not null references client (id),
      name text not null default '',
      valid_from date not null,
      valid_until date,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (valid_until is null or valid_until >= valid_from)
    )`.execute(db)
  await sql`create index care_team_client_idx on care_team (client_id)`.execute(db)
  await sql`create index care_team_updated_at_idx on care_team (updated_at)`.execute(db)
  await sql`create trigger care_team_bump_version before update on care_team for each row execute function bump_row_version()`.execute(db)
  await sql`alter table care_assignment add column care_team_id uuid references care_team (id)`.execute(db)
  await sql`create index care_assignment_care_team_idx on care_assignment (care_team_id) where care_team_id is not null`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists care_assignment_care_team_idx`.execute(db)
  await sql`alter table care_assignment drop column care_team_id`.execute(db)
  await sql`drop table care_team`.execute(db)
}
