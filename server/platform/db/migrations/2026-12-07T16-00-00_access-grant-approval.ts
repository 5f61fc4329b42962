import { type Kysely, sql } from 'kysely'

// Frozen in time: never imports application code, never edited once released.
//
// "Iemand toegang geven", issue 14 item 1 (docs/decisions/access-grants.md): the organisation may
// require an administrator's approval before an accepted invitation becomes a link.
// - organisation.client_grants_need_approval: off by default.
// - access_invitation: an accepted invitation without a link waits for that approval; the
//   administrator's decision is stored on it (approved or refused, when, by whom). An approved
//   invitation becomes an ordinary client_link activated at the approval moment.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table organisation add column client_grants_need_approval boolean not null default false`.execute(db)
  await sql`
    alter table access_invitation
      add column approved_at timestamptz,
      add column refused_at timestamptz,
      add column decided_by_account_id uuid references account (id),
      add constraint access_invitation_one_decision check (approved_at is null or refused_at is null)`.execute(db)
  // Beheer's list of invitations waiting for a decision.
  await sql`
    create index access_invitation_pending_idx on access_invitation (accepted_at)
      where accepted_at is not null and approved_at is null and refused_at is null and cancelled_at is null`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index access_invitation_pending_idx`.execute(db)
  await sql`
    alter table access_invitation
      drop constraint access_invitation_one_decision,
      drop column approved_at, drop column refused_at, drop column decided_by_account_id`.execute(db)
  await sql`alter table organisation drop column client_grants_need_approval`.execute(db)
}
