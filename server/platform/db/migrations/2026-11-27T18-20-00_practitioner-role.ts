import { type Kysely, sql } from 'kysely'

// Frozen in time: never imports application code, never edited once released.

export async function up(db: Kysely<any>): Promise<void> {
  // A staff member's role in a team as the ECD sends it (FHIR PractitionerRole). While it is
  // active the staff member is in the team (team_membership), which is what gives access.
  await sql`
    create table practitioner_role (
      id uuid primary key default gen_random_uuid(),
      ecd_id text not null unique,
      staff_member_id uuid not null references staff_member (id),
      team_id uuid not null references team (id),
      role text not null default '',
      active boolean not null default true,
      valid_from date,
      valid_until date,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index practitioner_role_pair_idx on practitioner_role (team_id, staff_member_id)`.execute(db)
  await sql`create index practitioner_role_updated_at_idx on practitioner_role (updated_at)`.execute(db)
  await sql`create trigger practitioner_role_bump_version before update on practitioner_role for each row execute function bump_row_version()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table practitioner_role`.execute(db)
}
