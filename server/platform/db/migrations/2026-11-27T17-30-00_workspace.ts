import { type Kysely, sql } from 'kysely'

// Frozen in time: never imports application code, never edited once released.

export async function up(db: Kysely<any>): Promise<void> {
  // A caregiver corrects their own report within a set window; the text it replaced is kept
  // here, one row per correction, so the record shows what was written before.
  await sql`
    create table report_version (
      id uuid primary key default gen_random_uuid(),
      report_id uuid not null references report (id),
      version integer not null check (version > 0),
      reported_at timestamptz not null,
      care_plan_goal text not null,
      body text not null,
      visible_in_portal boolean not null,
      written_at timestamptz not null,
      replaced_at timestamptz not null,
      replaced_by_staff_id uuid references staff_member (id),
      unique (report_id, version)
    )`.execute(db)

  // The workspace asks on every request "which clients may this staff member see?": by their
  // teams (team_membership is keyed team first) and by their own assignments.
  await sql`create index team_membership_staff_idx on team_membership (staff_member_id)`.execute(db)
  await sql`create index care_assignment_staff_idx on care_assignment (staff_member_id) where staff_member_id is not null`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists care_assignment_staff_idx`.execute(db)
  await sql`drop index if exists team_membership_staff_idx`.execute(db)
  await sql`drop table report_version`.execute(db)
}
