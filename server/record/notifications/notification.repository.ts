import { sql } from 'kysely'
import type { NotificationChannel, NotificationKind, NotificationMode } from '../../../shared/schemas/notifications.ts'
import { activeAt, validOnDay } from '../../platform/db/valid-on-day.ts'
import type { Db } from '../../platform/db/database.ts'
import type { NotificationJobTable } from './notification.table.ts'

/** Someone who may be told: their account, how to reach them, and (staff) their staff member id for read markers. */
export interface Recipient {
  account_id: string
  kind: 'portal' | 'staff'
  display_name: string
  email: string
  mobile_phone: string | null
  staff_member_id: string | null
}

const recipientColumns = ['account.id as account_id', 'account.kind', 'account.display_name', 'account.email', 'account.mobile_phone'] as const

export async function findPreferences(db: Db, accountIds: readonly string[]) {
  if (accountIds.length === 0) return []
  return db.selectFrom('notification_preference').select(['account_id', 'kind', 'channel', 'mode']).where('account_id', 'in', accountIds).execute()
}

export async function upsertPreferences(db: Db, accountId: string, rows: { kind: NotificationKind; channel: NotificationChannel; mode: NotificationMode }[], now: Date) {
  if (rows.length === 0) return
  await db
    .insertInto('notification_preference')
    .values(rows.map((row) => ({ account_id: accountId, ...row, updated_at: now })))
    .onConflict((oc) => oc.columns(['account_id', 'kind', 'channel']).doUpdateSet((eb) => ({ mode: eb.ref('excluded.mode'), updated_at: now })))
    .execute()
}

export async function findAccountForSettings(db: Db, accountId: string) {
  return db.selectFrom('account').select(['id', 'kind', 'email', 'mobile_phone']).where('id', '=', accountId).executeTakeFirst()
}

export async function countPushSubscriptions(db: Db, accountIds: readonly string[]) {
  if (accountIds.length === 0) return []
  return db.selectFrom('push_subscription').select((eb) => ['account_id', eb.fn.countAll<string>().as('count')]).where('account_id', 'in', accountIds).groupBy('account_id').execute()
}

/** Accounts linked to the client now (active link, consent not withdrawn), optionally only those with a permission. */
export async function findLinkedRecipients(
  db: Db,
  clientId: string,
  permission: 'may_read_reports' | 'may_use_appointments' | 'may_read_care_plan' | 'may_use_messages' | null,
  now: Date,
): Promise<Recipient[]> {
  let query = db
    .selectFrom('client_link')
    .innerJoin('consent', 'consent.id', 'client_link.consent_id')
    .innerJoin('account', 'account.id', 'client_link.account_id')
    .select([...recipientColumns, sql<string | null>`null::uuid`.as('staff_member_id')])
    .where('client_link.client_id', '=', clientId)
    .where((eb) => activeAt(eb, { from: 'client_link.activated_at', ended: 'client_link.ended_at' }, now))
    .whereRef('consent.client_id', '=', 'client_link.client_id')
    .where((eb) => eb.or([eb('consent.withdrawn_at', 'is', null), eb('consent.withdrawn_at', '>', now)]))
    .where('account.kind', '=', 'portal')
    .where('account.blocked_at', 'is', null)
    .where('account.ended_at', 'is', null)
  if (permission) query = query.where(`client_link.${permission}`, '=', true)
  return query.execute()
}

/** One account as a recipient (e.g. the person whose link just ended), if it can still be reached. */
export async function findAccountRecipient(db: Db, accountId: string): Promise<Recipient | undefined> {
  return db
    .selectFrom('account')
    .select([...recipientColumns, sql<string | null>`null::uuid`.as('staff_member_id')])
    .where('account.id', '=', accountId)
    .where('account.blocked_at', 'is', null)
    .where('account.ended_at', 'is', null)
    .executeTakeFirst()
}

/** The client's EVV-er(s) today, as staff with an account. */
export async function findEvvRecipients(db: Db, clientId: string, today: string): Promise<Recipient[]> {
  return db
    .selectFrom('care_assignment')
    .innerJoin('staff_member', 'staff_member.id', 'care_assignment.staff_member_id')
    .innerJoin('account', 'account.id', 'staff_member.account_id')
    .select([...recipientColumns, (eb) => eb.ref('staff_member.id').$castTo<string | null>().as('staff_member_id')])
    .where('care_assignment.client_id', '=', clientId)
    .where('care_assignment.role', '=', 'evv')
    .where((eb) => validOnDay(eb, { from: 'care_assignment.valid_from', until: 'care_assignment.valid_until' }, today))
    .where('account.blocked_at', 'is', null)
    .where('account.ended_at', 'is', null)
    .execute()
}

/** The caregivers of the client's team(s) today (team assignments), as staff with an account. */
export async function findTeamRecipients(db: Db, clientId: string, today: string): Promise<Recipient[]> {
  return db
    .selectFrom('care_assignment')
    .innerJoin('team_membership', 'team_membership.team_id', 'care_assignment.team_id')
    .innerJoin('staff_member', 'staff_member.id', 'team_membership.staff_member_id')
    .innerJoin('account', 'account.id', 'staff_member.account_id')
    .select([...recipientColumns, (eb) => eb.ref('staff_member.id').$castTo<string | null>().as('staff_member_id')])
    .distinct()
    .where('care_assignment.client_id', '=', clientId)
    .where('care_assignment.role', '=', 'team')
    .where((eb) => validOnDay(eb, { from: 'care_assignment.valid_from', until: 'care_assignment.valid_until' }, today))
    .where('staff_member.is_caregiver', '=', true)
    .where('account.blocked_at', 'is', null)
    .where('account.ended_at', 'is', null)
    .execute()
}

/**
 * "Until read": true when this recipient was already told (on this channel) about this client's
 * conversation after the last message they read, i.e. the earlier notice is still unread.
 */
export async function toldSinceLastRead(db: Db, recipient: Recipient, clientId: string, channel: NotificationChannel): Promise<boolean> {
  const marker = db
    .selectFrom('message_read_marker')
    .select('read_until')
    .where('client_id', '=', clientId)
    .where((eb) => (recipient.staff_member_id ? eb('staff_member_id', '=', recipient.staff_member_id) : eb('account_id', '=', recipient.account_id)))
  const row = await db
    .selectFrom('notification_sent')
    .select('id')
    .where('account_id', '=', recipient.account_id)
    .where('client_id', '=', clientId)
    .where('kind', '=', 'message')
    .where('channel', '=', channel)
    .where((eb) => eb.or([eb.not(eb.exists(marker)), eb('created_at', '>', marker)]))
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

/** True when a notice of this kind about this client went to the recipient on this channel since `since`. */
export async function toldSince(db: Db, accountId: string, clientId: string, kind: NotificationKind, channel: NotificationChannel, since: Date): Promise<boolean> {
  const row = await db
    .selectFrom('notification_sent')
    .select('id')
    .where('account_id', '=', accountId)
    .where('client_id', '=', clientId)
    .where('kind', '=', kind)
    .where('channel', '=', channel)
    .where('created_at', '>', since)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

export async function insertSent(db: Db, row: { account_id: string; client_id: string | null; kind: NotificationKind; channel: NotificationChannel }, now: Date) {
  await db.insertInto('notification_sent').values({ ...row, created_at: now }).execute()
}

export async function insertDigestItem(db: Db, accountId: string, kind: NotificationKind, now: Date) {
  await db.insertInto('notification_digest_item').values({ account_id: accountId, kind, created_at: now }).execute()
}

/** Accounts with something waiting for the digest. */
export async function findDigestAccounts(db: Db, limit: number) {
  return db.selectFrom('notification_digest_item').select('account_id').distinct().orderBy('account_id').limit(limit).execute()
}

/** Takes the account's waiting items (deleting them): a second instance taking the same finds none. */
export async function takeDigestItems(db: Db, accountId: string) {
  return db.deleteFrom('notification_digest_item').where('account_id', '=', accountId).returning(['kind']).execute()
}

/**
 * Takes the job for `leaseMs` when it is due and nobody holds it: one instance runs it, the others
 * skip. Returns the lease token and the job's cursor, or undefined.
 */
export async function claimJob(db: Db, name: NotificationJobTable['name'], token: string, now: Date, leaseUntil: Date) {
  return db
    .updateTable('notification_job')
    .set({ lease_until: leaseUntil, lease_token: token })
    .where('name', '=', name)
    .where('due_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .returning(['cursor_id'])
    .executeTakeFirst()
}

/** Ends the run: next due time and cursor, only while the lease is still ours. */
export async function finishJob(db: Db, name: NotificationJobTable['name'], token: string, next: { dueAt: Date; cursorId?: string }): Promise<boolean> {
  const result = await db
    .updateTable('notification_job')
    .set({ due_at: next.dueAt, lease_until: null, lease_token: null, ...(next.cursorId !== undefined ? { cursor_id: next.cursorId } : {}) })
    .where('name', '=', name)
    .where('lease_token', '=', token)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/**
 * Successful reads of client records by staff or linked accounts after `afterId` and before
 * `before` (rows of a transaction still open are left for the next run), oldest first. The
 * access log is only read here, never changed.
 */
export async function findRecordReads(db: Db, afterId: string, before: Date, limit: number) {
  return db
    .selectFrom('access_log')
    .select(['id', 'client_id', 'actor_type', 'actor_id'])
    .where('id', '>', afterId)
    .where('occurred_at', '<', before)
    .where('action', '=', 'read')
    .where('outcome', '=', 'success')
    .where('client_id', 'is not', null)
    .where('actor_type', 'in', ['staff', 'account'])
    .orderBy('id')
    .limit(limit)
    .execute()
}

/** The newest access-log id before `before`: where the next run starts when nothing matched. */
export async function lastAccessLogIdBefore(db: Db, afterId: string, before: Date): Promise<string> {
  const row = await db.selectFrom('access_log').select((eb) => eb.fn.max('id').as('max')).where('id', '>', afterId).where('occurred_at', '<', before).executeTakeFirst()
  return row?.max === null || row?.max === undefined ? afterId : String(row.max)
}

/** The staff member's account (the access log names staff by staff member id). */
export async function findAccountOfStaffMember(db: Db, staffMemberId: string) {
  return db.selectFrom('staff_member').select('account_id').where('id', '=', staffMemberId).executeTakeFirst()
}
