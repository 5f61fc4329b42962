import { type Insertable, sql } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import { reusableQuery } from '../../platform/db/reusable-query.ts'
import { cursorId, cursorInstant, cursorTime, type KeysetPosition } from '../../platform/http/keyset-cursor.ts'
import type { MessageTable } from './message.table.ts'
import { activeAt, validOnDay } from '../../platform/db/valid-on-day.ts'

export async function insertMessage(db: Db, row: Insertable<MessageTable>) {
  return db.insertInto('message').values(row).returning(['id', 'created_at']).executeTakeFirstOrThrow()
}

/**
 * A page of the conversation, newest first, with who wrote each message: the account and its
 * relation, or the staff member and whether they are the client's EVV-er on `today`. A portal
 * reader sees it from `notBefore` on (the link's activation); the care team all of it (null).
 * Built once per shape (reusable-query.ts).
 */
export const findMessagesPage = reusableQuery('messages page', messagesPageQuery)

export interface MessagesPageInput {
  clientId: string; notBefore: Date | null; after: KeysetPosition | null; limit: number; today: string
  /** Also the account's read marker and unread count on every row (findUnreadStateOfAccount's answer, in the same statement). */
  unreadOf?: { accountId: string; notBefore: Date }
}

/** The query of findMessagesPage, unexecuted: the home screen composes it into its one statement. */
export function messagesPageQuery(db: Db, input: MessagesPageInput) {
  const { unreadOf } = input
  let query = db
    .selectFrom('message')
    .leftJoin('account', 'account.id', 'message.author_account_id')
    .leftJoin('staff_member', 'staff_member.id', 'message.author_staff_id')
    .select((eb) => [
      'message.id', 'message.body', 'message.created_at', 'message.author_account_id', 'message.author_staff_id',
      cursorTime('message.created_at').as('cursor_at'),
      'account.display_name as account_name', 'staff_member.name as staff_name', 'staff_member.discipline as staff_discipline',
      eb.selectFrom('client_link').select('client_link.relation')
        .whereRef('client_link.account_id', '=', 'message.author_account_id')
        .whereRef('client_link.client_id', '=', 'message.client_id')
        .orderBy('client_link.created_at', 'desc').limit(1).as('account_relation'),
      eb.exists(eb.selectFrom('care_assignment').select(sql.lit(1).as('one'))
        .whereRef('care_assignment.staff_member_id', '=', 'message.author_staff_id')
        .whereRef('care_assignment.client_id', '=', 'message.client_id')
        .where('care_assignment.role', '=', 'evv')
        .where((w) => validOnDay(w, { from: 'care_assignment.valid_from', until: 'care_assignment.valid_until' }, input.today))).as('staff_is_evv'),
    ])
    .where('message.client_id', '=', input.clientId)
    // Uncorrelated subqueries: PostgreSQL answers them once for the statement, not per row.
    .$if(unreadOf !== undefined, (qb) => qb.select(unreadStateColumns(db, { clientId: input.clientId, ...unreadOf! })))
  if (input.notBefore) query = query.where('message.created_at', '>=', input.notBefore)
  if (input.after) {
    const after = input.after
    query = query.where((eb) => eb(eb.refTuple('message.created_at', 'message.id'), '<', eb.tuple(cursorInstant(after), cursorId(after))))
  }
  return query.orderBy('message.created_at', 'desc').orderBy('message.id', 'desc').limit(input.limit)
}

export type MessageRow = Awaited<ReturnType<typeof findMessagesPage>>[number]

/** A message of this client (for "read up to here"); another client's id finds nothing. */
export async function findMessageOfClient(db: Db, clientId: string, messageId: string) {
  return db.selectFrom('message').select(['id', 'created_at']).where('client_id', '=', clientId).where('id', '=', messageId).executeTakeFirst()
}

/** Who reads a conversation: a portal account, or a staff member of the care team. Each keeps its own marker. */
export type MessageReader = { accountId: string } | { staffMemberId: string }

/** The reader's "read up to" moment for this client, if they ever read anything. */
export async function findReadUntil(db: Db, clientId: string, reader: MessageReader): Promise<Date | null> {
  let query = db.selectFrom('message_read_marker').select('read_until').where('client_id', '=', clientId)
  query = 'accountId' in reader ? query.where('account_id', '=', reader.accountId) : query.where('staff_member_id', '=', reader.staffMemberId)
  const row = await query.executeTakeFirst()
  return row?.read_until ?? null
}

/**
 * Moves the reader's marker forward to the message's own time, taken in SQL so no microsecond
 * is lost (never back: reading an old page must not unread newer ones).
 */
export async function advanceReadMarker(db: Db, input: { clientId: string; reader: MessageReader; messageId: string }, now: Date): Promise<void> {
  const { clientId, reader, messageId } = input
  const byAccount = 'accountId' in reader
  await db
    .insertInto('message_read_marker')
    .values((eb) => ({
      client_id: clientId, account_id: byAccount ? reader.accountId : null, staff_member_id: byAccount ? null : reader.staffMemberId, updated_at: now,
      read_until: eb.selectFrom('message').select('created_at').where('id', '=', messageId).where('client_id', '=', clientId),
    }))
    // Each kind of reader has its own partial unique index: the conflict target must name it.
    .onConflict((oc) => (byAccount ? oc.columns(['account_id', 'client_id']).where('account_id', 'is not', null) : oc.columns(['staff_member_id', 'client_id']).where('staff_member_id', 'is not', null)).doUpdateSet({
      read_until: sql`greatest(message_read_marker.read_until, excluded.read_until)`,
      updated_at: now,
    }))
    .execute()
}

/** Messages others wrote after the account's marker (and not before `notBefore`). */
export async function countUnreadForAccount(db: Db, input: { clientId: string; accountId: string; notBefore: Date }): Promise<number> {
  const row = await unreadForAccountQuery(db, input).executeTakeFirstOrThrow()
  return Number(row.count)
}

function unreadForAccountQuery(db: Db, input: { clientId: string; accountId: string; notBefore: Date }) {
  return db
    .selectFrom('message')
    .leftJoin('message_read_marker as marker', (join) => join.onRef('marker.client_id', '=', 'message.client_id').on('marker.account_id', '=', input.accountId))
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('message.client_id', '=', input.clientId)
    .where('message.created_at', '>=', input.notBefore)
    .where((eb) => eb.or([eb('message.author_account_id', 'is', null), eb('message.author_account_id', '!=', input.accountId)]))
    .where((eb) => eb.or([eb('marker.read_until', 'is', null), eb('message.created_at', '>', eb.ref('marker.read_until'))]))
}

/** Whose read marker, and from when messages count (the link's activation). */
export interface UnreadStateInput { clientId: string; accountId: string; notBefore: Date }

/**
 * The account's read marker and its unread count in one statement (findReadUntil and
 * countUnreadForAccount together): the messages page and the home card need both.
 */
export async function findUnreadStateOfAccount(db: Db, input: UnreadStateInput): Promise<{ readUntil: Date | null; unreadCount: number }> {
  const row = await db.selectNoFrom(unreadStateColumns(db, input)).executeTakeFirstOrThrow()
  return { readUntil: row.read_until, unreadCount: Number(row.unread_count) }
}

/** The read marker and the unread count as two scalar subqueries, for findUnreadStateOfAccount, the messages page and the home screen. */
export function unreadStateColumns(db: Db, input: UnreadStateInput) {
  return [
    db.selectFrom('message_read_marker').select('read_until').where('client_id', '=', input.clientId).where('account_id', '=', input.accountId).as('read_until'),
    unreadForAccountQuery(db, input).as('unread_count'),
  ] as const
}

/** For the staff: per client, messages from portal accounts after the staff member's marker (colleagues' never count). */
export async function countUnreadForStaffMember(db: Db, staffMemberId: string, clientIds: readonly string[]) {
  if (clientIds.length === 0) return []
  return db
    .selectFrom('message')
    .leftJoin('message_read_marker as marker', (join) => join.onRef('marker.client_id', '=', 'message.client_id').on('marker.staff_member_id', '=', staffMemberId))
    .select((eb) => ['message.client_id', eb.fn.countAll<string>().as('count')])
    .where('message.client_id', 'in', clientIds)
    .where('message.author_account_id', 'is not', null)
    .where((eb) => eb.or([eb('marker.read_until', 'is', null), eb('message.created_at', '>', eb.ref('marker.read_until'))]))
    .groupBy('message.client_id')
    .execute()
}

/**
 * Who hears of a new message: the client's EVV-er(s) valid today and the accounts linked to
 * the client with the messages permission, each with an e-mail address; blocked or ended
 * accounts never. The caller leaves out the sender.
 */
export async function findMessageRecipients(db: Db, clientId: string, today: string, now: Date) {
  const evv = db
    .selectFrom('care_assignment')
    .innerJoin('staff_member', 'staff_member.id', 'care_assignment.staff_member_id')
    .innerJoin('account', 'account.id', 'staff_member.account_id')
    .select((eb) => ['account.id as account_id', 'account.display_name', 'account.email', eb.ref('staff_member.id').$castTo<string | null>().as('staff_member_id')])
    .where('care_assignment.client_id', '=', clientId)
    .where('care_assignment.role', '=', 'evv')
    .where((eb) => validOnDay(eb, { from: 'care_assignment.valid_from', until: 'care_assignment.valid_until' }, today))
    .where('account.blocked_at', 'is', null)
    .where('account.ended_at', 'is', null)
  const linked = db
    .selectFrom('client_link')
    .innerJoin('consent', 'consent.id', 'client_link.consent_id')
    .innerJoin('account', 'account.id', 'client_link.account_id')
    .select(['account.id as account_id', 'account.display_name', 'account.email', sql<string | null>`null::uuid`.as('staff_member_id')])
    .where('client_link.client_id', '=', clientId)
    .where((eb) => activeAt(eb, { from: 'client_link.activated_at', ended: 'client_link.ended_at' }, now))
    .where('client_link.may_use_messages', '=', true)
    .whereRef('consent.client_id', '=', 'client_link.client_id')
    .where((eb) => eb.or([eb('consent.withdrawn_at', 'is', null), eb('consent.withdrawn_at', '>', now)]))
    .where('account.kind', '=', 'portal')
    .where('account.blocked_at', 'is', null)
    .where('account.ended_at', 'is', null)
  return evv.unionAll(linked).execute()
}

/** How a staff member signs in this client's conversation: "EVV-er" when they are that today, else their discipline. */
export async function findStaffSignature(db: Db, clientId: string, staffMemberId: string, today: string): Promise<string> {
  const row = await db
    .selectFrom('staff_member')
    .select((eb) => ['staff_member.discipline', eb.exists(eb.selectFrom('care_assignment').select(sql.lit(1).as('one'))
      .where('care_assignment.staff_member_id', '=', staffMemberId)
      .where('care_assignment.client_id', '=', clientId)
      .where('care_assignment.role', '=', 'evv')
      .where((w) => validOnDay(w, { from: 'care_assignment.valid_from', until: 'care_assignment.valid_until' }, today))).as('is_evv')])
    .where('staff_member.id', '=', staffMemberId)
    .executeTakeFirst()
  return row?.is_evv ? 'EVV-er' : (row?.discipline ?? '')
}
