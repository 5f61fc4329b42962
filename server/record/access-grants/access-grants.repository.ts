import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import type { ClientLinkTable, ConsentTable } from '../links/link.table.ts'
import type { AccessInvitationTable } from './access-invitation.table.ts'

/** The granter's own link with what the grant rules need: relation, origin, the client's legal capacity. */
export async function findGranterLink(db: Db, linkId: string) {
  return db
    .selectFrom('client_link')
    .innerJoin('client', 'client.id', 'client_link.client_id')
    .innerJoin('account', 'account.id', 'client_link.account_id')
    .select(['client_link.id', 'client_link.relation', 'client_link.invitation_id', 'client.legal_capacity', 'account.display_name', 'account.email'])
    .where('client_link.id', '=', linkId)
    .executeTakeFirst()
}

export async function findGrantsEnabled(db: Db): Promise<boolean> {
  const row = await db.selectFrom('organisation').select('client_grants_enabled').orderBy('id').executeTakeFirst()
  return row?.client_grants_enabled ?? true
}

/** Whether an accepted invitation waits for an administrator's approval (Beheer; off by default). */
export async function findGrantsNeedApproval(db: Db): Promise<boolean> {
  const row = await db.selectFrom('organisation').select('client_grants_need_approval').orderBy('id').executeTakeFirst()
  return row?.client_grants_need_approval ?? false
}

export async function insertInvitation(db: Db, invitation: Insertable<AccessInvitationTable>) {
  return db.insertInto('access_invitation').values(invitation).returning('id').executeTakeFirstOrThrow()
}

export async function insertConsent(db: Db, consent: Insertable<ConsentTable>) {
  return db.insertInto('consent').values(consent).returning('id').executeTakeFirstOrThrow()
}

export async function insertLink(db: Db, link: Insertable<ClientLinkTable>) {
  return db.insertInto('client_link').values(link).returning('id').executeTakeFirstOrThrow()
}

/** Every invitation made for the client with the link it became (if any), newest first. */
export async function findGrantsOfClient(db: Db, clientId: string) {
  return grants(db).where('access_invitation.client_id', '=', clientId).orderBy('access_invitation.created_at', 'desc').orderBy('access_invitation.id').execute()
}

export async function findGrant(db: Db, clientId: string, invitationId: string) {
  return grants(db).where('access_invitation.client_id', '=', clientId).where('access_invitation.id', '=', invitationId).forUpdate('access_invitation').executeTakeFirst()
}

function grants(db: Db) {
  return db
    .selectFrom('access_invitation')
    .leftJoin('client_link', 'client_link.invitation_id', 'access_invitation.id')
    .select([
      'access_invitation.id', 'access_invitation.client_id', 'access_invitation.invitee_name', 'access_invitation.invitee_email', 'access_invitation.relation',
      'access_invitation.granted_by_name', 'access_invitation.created_at', 'access_invitation.expires_at', 'access_invitation.accepted_at',
      'access_invitation.cancelled_at', 'access_invitation.ends_on', 'access_invitation.accepted_by_account_id',
      'access_invitation.approved_at', 'access_invitation.refused_at',
      'access_invitation.may_read_reports', 'access_invitation.may_read_care_plan', 'access_invitation.may_use_appointments',
      'access_invitation.may_use_messages', 'access_invitation.may_read_profile', 'access_invitation.may_read_subscriptions',
      'client_link.id as link_id', 'client_link.account_id as link_account_id', 'client_link.activated_at', 'client_link.ended_at',
      'client_link.may_read_reports as link_reports', 'client_link.may_read_care_plan as link_care_plan', 'client_link.may_use_appointments as link_appointments',
      'client_link.may_use_messages as link_messages', 'client_link.may_read_profile as link_profile', 'client_link.may_read_subscriptions as link_subscriptions',
    ])
}

export type GrantRow = NonNullable<Awaited<ReturnType<typeof findGrant>>>

/** The states Beheer's list shows by default: waiting for approval, invited (not expired) or running. */
function openGrants<Q extends ReturnType<typeof adminGrants>>(query: Q, now: Date): Q {
  return query.where((eb) =>
    eb.or([
      eb.and([eb('client_link.id', 'is not', null), eb('client_link.ended_at', 'is', null)]),
      eb.and([
        eb('client_link.id', 'is', null), eb('access_invitation.cancelled_at', 'is', null), eb('access_invitation.refused_at', 'is', null),
        eb.or([eb('access_invitation.accepted_at', 'is not', null), eb('access_invitation.expires_at', '>', now)]),
      ]),
    ]),
  ) as Q
}

function adminGrants(db: Db) {
  return grants(db)
    .innerJoin('client', 'client.id', 'access_invitation.client_id')
    .select(['client.gender', 'client.initials', 'client.given_name', 'client.name_prefix', 'client.family_name', 'client.client_number'])
}

/** Beheer: the organisation's grants, those waiting for approval first, then newest first; at most `limit`. */
export async function findGrantsForAdmin(db: Db, show: 'open' | 'all', limit: number, now: Date) {
  const query = show === 'open' ? openGrants(adminGrants(db), now) : adminGrants(db)
  return query
    .orderBy((eb) => eb.case().when(eb.and([eb('access_invitation.accepted_at', 'is not', null), eb('client_link.id', 'is', null), eb('access_invitation.refused_at', 'is', null), eb('access_invitation.cancelled_at', 'is', null)])).then(0).else(1).end())
    .orderBy('access_invitation.created_at', 'desc')
    .orderBy('access_invitation.id')
    .limit(limit)
    .execute()
}

/** One grant for an administrator's decision, locked. */
export async function findGrantForAdmin(db: Db, invitationId: string) {
  return adminGrants(db).where('access_invitation.id', '=', invitationId).forUpdate('access_invitation').executeTakeFirst()
}

export type AdminGrantRow = NonNullable<Awaited<ReturnType<typeof findGrantForAdmin>>>

/** The whole invitation, for making its link. */
export async function findInvitation(db: Db, invitationId: string) {
  return db.selectFrom('access_invitation').selectAll().where('id', '=', invitationId).executeTakeFirstOrThrow()
}

/** What the consent receipt shows: the invitation's consent fields, the consent row, the client's name. */
export async function findReceipt(db: Db, clientId: string, invitationId: string) {
  return db
    .selectFrom('access_invitation')
    .innerJoin('consent', 'consent.invitation_id', 'access_invitation.id')
    .innerJoin('client', 'client.id', 'access_invitation.client_id')
    .leftJoin('client_link', 'client_link.invitation_id', 'access_invitation.id')
    .select([
      'access_invitation.id', 'access_invitation.given_by', 'access_invitation.granted_by_name', 'access_invitation.way_in', 'access_invitation.assurance',
      'access_invitation.invitee_name', 'access_invitation.invitee_email', 'access_invitation.relation', 'access_invitation.ends_on',
      'access_invitation.created_at', 'access_invitation.accepted_at', 'access_invitation.approved_at', 'access_invitation.refused_at',
      'access_invitation.cancelled_at', 'access_invitation.expires_at', 'client_link.id as link_id',
      'access_invitation.may_read_reports', 'access_invitation.may_read_care_plan', 'access_invitation.may_use_appointments',
      'access_invitation.may_use_messages', 'access_invitation.may_read_profile', 'access_invitation.may_read_subscriptions',
      'consent.id as consent_id', 'consent.withdrawn_at', 'client_link.activated_at', 'client_link.ended_at',
      'client_link.may_read_reports as link_reports', 'client_link.may_read_care_plan as link_care_plan', 'client_link.may_use_appointments as link_appointments',
      'client_link.may_use_messages as link_messages', 'client_link.may_read_profile as link_profile', 'client_link.may_read_subscriptions as link_subscriptions',
      'client.gender', 'client.initials', 'client.given_name', 'client.name_prefix', 'client.family_name', 'client.client_number',
    ])
    .where('access_invitation.client_id', '=', clientId)
    .where('access_invitation.id', '=', invitationId)
    .executeTakeFirst()
}

/** An invitation that can still be accepted, locked so two acceptances cannot both succeed. */
export async function findOpenInvitation(db: Db, tokenHash: Buffer, now: Date) {
  return db
    .selectFrom('access_invitation')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('accepted_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('expires_at', '>', now)
    .forUpdate()
    .executeTakeFirst()
}

export async function updateInvitation(db: Db, id: string, changes: Updateable<AccessInvitationTable>): Promise<void> {
  await db.updateTable('access_invitation').set(changes).where('id', '=', id).execute()
}

export async function updateLink(db: Db, linkId: string, changes: Updateable<ClientLinkTable>): Promise<void> {
  await db.updateTable('client_link').set(changes).where('id', '=', linkId).execute()
}

export async function findConsentOfInvitation(db: Db, invitationId: string) {
  return db.selectFrom('consent').select(['id']).where('invitation_id', '=', invitationId).executeTakeFirstOrThrow()
}

export async function withdrawConsent(db: Db, consentId: string, now: Date): Promise<void> {
  // updated_at too: the ECD polls Consent?_lastUpdated for withdrawals.
  await db.updateTable('consent').set({ withdrawn_at: now, updated_at: now }).where('id', '=', consentId).where('withdrawn_at', 'is', null).execute()
}

/** Whether the granter's link (the one the invitation was made through) still gives access. */
export async function granterLinkActive(db: Db, linkId: string): Promise<boolean> {
  const row = await db.selectFrom('client_link').select('ended_at').where('id', '=', linkId).executeTakeFirst()
  return row !== undefined && row.ended_at === null
}

export async function hasActiveLink(db: Db, accountId: string, clientId: string): Promise<boolean> {
  const row = await db.selectFrom('client_link').select('id').where('account_id', '=', accountId).where('client_id', '=', clientId).where('ended_at', 'is', null).executeTakeFirst()
  return row !== undefined
}

export async function findAccountForInvitation(db: Db, accountId: string) {
  return db.selectFrom('account').select(['id', 'kind', 'email', 'display_name']).where('id', '=', accountId).executeTakeFirstOrThrow()
}

/** Running links from invitations whose last day has passed: the end-date job ends them. */
export async function findLinksPastEndDate(db: Db, today: string) {
  return db
    .selectFrom('client_link')
    .select(['id', 'client_id', 'consent_id'])
    .where('invitation_id', 'is not', null)
    .where('ended_at', 'is', null)
    .where('ends_on', '<', today)
    .forUpdate()
    .skipLocked()
    .execute()
}

/** Running links whose last day is within a week and whose notice has not gone out yet. */
export async function findLinksToForewarn(db: Db, today: string, lastNoticeDay: string) {
  return db
    .selectFrom('client_link')
    .innerJoin('account as grantee', 'grantee.id', 'client_link.account_id')
    .innerJoin('access_invitation', 'access_invitation.id', 'client_link.invitation_id')
    .innerJoin('account as granter', 'granter.id', 'access_invitation.granted_by_account_id')
    .select([
      'client_link.id', 'client_link.ends_on', 'grantee.email as grantee_email', 'grantee.display_name as grantee_name',
      'granter.email as granter_email', 'granter.display_name as granter_name',
    ])
    .where('client_link.ended_at', 'is', null)
    .where('client_link.end_notice_sent_at', 'is', null)
    .where('client_link.ends_on', '>=', today)
    .where('client_link.ends_on', '<=', lastNoticeDay)
    .forUpdate('client_link')
    .skipLocked()
    .execute()
}
