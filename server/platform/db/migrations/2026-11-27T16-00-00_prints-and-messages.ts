import { type Kysely, sql } from 'kysely'

// Frozen in time: never imports application code, never edited once released.

export async function up(db: Kysely<any>): Promise<void> {
  // Signed versions of the care plan ("cliëntplanafdruk") with their signature sheet, as the ECD
  // or a caregiver delivered them. The PDFs live in the row: a few hundred kB each, read rarely.
  await sql`
    create table care_plan_print (
      id uuid primary key default gen_random_uuid(),
      ecd_id text unique,
      client_id uuid not null references client (id),
      plan_date date not null,
      signed_on date,
      print_pdf bytea not null,
      print_size integer not null check (print_size > 0),
      signature_sheet_pdf bytea,
      signature_sheet_size integer check (signature_sheet_size > 0),
      uploaded_by_staff_id uuid references staff_member (id),
      created_at timestamptz not null default now(),
      check ((signature_sheet_pdf is null) = (signature_sheet_size is null))
    )`.execute(db)
  // Serves the newest-first list per client.
  await sql`create index care_plan_print_client_idx on care_plan_print (client_id, plan_date desc, created_at desc)`.execute(db)

  // The conversation of one client: written by a linked account or by a staff member.
  await sql`
    create table message (
      id uuid primary key default gen_random_uuid(),
      ecd_id text unique,
      client_id uuid not null references client (id),
      author_account_id uuid references account (id),
      author_staff_id uuid references staff_member (id),
      body text not null check (length(body) between 1 and 4000),
      created_at timestamptz not null default now(),
      check ((author_account_id is null) <> (author_staff_id is null))
    )`.execute(db)
  await sql`create index message_client_time_idx on message (client_id, created_at desc, id desc)`.execute(db)

  // Per reader and client: everything up to read_until is read. One row per reader, so an
  // unread count is one index range per client (account in the portal, staff member in the inbox).
  await sql`
    create table message_read_marker (
      id uuid primary key default gen_random_uuid(),
      client_id uuid not null references client (id),
      account_id uuid references account (id),
      staff_member_id uuid references staff_member (id),
      read_until timestamptz not null,
      updated_at timestamptz not null default now(),
      check ((account_id is null) <> (staff_member_id is null))
    )`.execute(db)
  await sql`create unique index message_read_marker_account_key on message_read_marker (account_id, client_id) where account_id is not null`.execute(db)
  await sql`create unique index message_read_marker_staff_key on message_read_marker (staff_member_id, client_id) where staff_member_id is not null`.execute(db)

  // The appointments a portal account made itself: their own list, change and cancel.
  await sql`create index appointment_created_by_account_idx on appointment (created_by_account_id) where created_by_account_id is not null`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists appointment_created_by_account_idx`.execute(db)
  await sql`drop table message_read_marker`.execute(db)
  await sql`drop table message`.execute(db)
  await sql`drop table care_plan_print`.execute(db)
}
