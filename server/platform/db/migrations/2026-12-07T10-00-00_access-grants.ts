import { type Kysely, sql } from 'kysely'

// Frozen in time: never imports application code, never edited once released.
//
// "Iemand toegang geven" (docs/decisions/access-grants.md): a client able to decide, or their
// legal representative, invites a relative by e-mail; accepting the single-use link creates an
// ordinary client_link whose consent was given digitally in the portal.
// - access_invitation: the invitation and, with it, the digital consent: who gave it, when, for
//   which sections and until when, through which way in and at which assurance level. Only the
//   SHA-256 of the token is stored; it is bound to the invited e-mail address.
// - consent: a digital consent has no scanned form; it points at its invitation.
// - client_link: the optional last day of a granted link and when its week-ahead notice went out.
// - organisation: whether clients may grant access themselves (Beheer); on by default.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table access_invitation (
      id uuid primary key default gen_random_uuid(),
      client_id uuid not null references client (id) on delete cascade,
      granted_by_account_id uuid not null references account (id),
      granted_by_link_id uuid not null references client_link (id),
      granted_by_name text not null,
      given_by text not null check (given_by in ('client', 'legal_representative')),
      way_in text not null,
      assurance text not null check (assurance in ('low', 'substantial', 'high')),
      invitee_name text not null,
      invitee_email text not null,
      invitee_mobile text not null,
      relation text not null check (relation in ('first_contact', 'second_contact', 'informal_carer')),
      may_read_reports boolean not null,
      may_read_care_plan boolean not null,
      may_use_appointments boolean not null,
      may_use_messages boolean not null,
      may_read_profile boolean not null,
      may_read_subscriptions boolean not null,
      ends_on date,
      token_hash bytea not null unique,
      expires_at timestamptz not null,
      created_at timestamptz not null,
      accepted_at timestamptz,
      accepted_by_account_id uuid references account (id),
      cancelled_at timestamptz
    )`.execute(db)
  await sql`create index access_invitation_client_idx on access_invitation (client_id, created_at)`.execute(db)

  await sql`alter table consent add column invitation_id uuid references access_invitation (id)`.execute(db)
  await sql`
    alter table client_link
      add column invitation_id uuid references access_invitation (id),
      add column ends_on date,
      add column end_notice_sent_at timestamptz`.execute(db)
  // The daily end-date job looks only at links with a last day that are still running.
  await sql`create index client_link_ends_on_idx on client_link (ends_on) where ends_on is not null and ended_at is null`.execute(db)

  await sql`alter table organisation add column client_grants_enabled boolean not null default true`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table organisation drop column client_grants_enabled`.execute(db)
  await sql`alter table client_link drop column invitation_id, drop column ends_on, drop column end_notice_sent_at`.execute(db)
  await sql`alter table consent drop column invitation_id`.execute(db)
  await sql`drop table access_invitation`.execute(db)
}
