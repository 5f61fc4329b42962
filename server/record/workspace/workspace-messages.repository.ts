import { sql } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import { exactTime, type Position, positionId, positionTime } from './workspace-cursor.ts'

/**
 * The whole conversation of a client as the care team reads it (no link activation bounds it),
 * newest first, with who wrote each message: an account and its relation, or a staff member and
 * whether they are the client's EVV-er on `today`.
 */
export async function findConversationPage(db: Db, input: { clientId: string; after: Position | null; limit: number; today: string }) {
  let query = db
    .selectFrom('message')
    .leftJoin('account', 'account.id', 'message.author_account_id')
    .leftJoin('staff_member', 'staff_member.id', 'message.author_staff_id')
    .select((eb) => [
      'message.id', 'message.body', 'message.created_at', 'message.author_account_id', 'message.author_staff_id',
      exactTime('message.created_at').as('cursor_at'),
      'account.display_name as account_name', 'staff_member.name as staff_name', 'staff_member.discipline as staff_discipline',
      eb.selectFrom('client_link').select('client_link.relation')
        .whereRef('client_link.account_id', '=', 'message.author_account_id')
        .whereRef('client_link.client_id', '=', 'message.client_id')
        .orderBy('client_link.created_at', 'desc').limit(1).as('account_relation'),
      eb.exists(eb.selectFrom('care_assignment').select(sql.lit(1).as('one'))
        .whereRef('care_assignment.staff_member_id', '=', 'message.author_staff_id')
        .whereRef('care_assignment.client_id', '=', 'message.client_id')
        .where('care_assignment.role', '=', 'evv')
        .where('care_assignment.valid_from', '<=', input.today)
        .where((w) => w.or([w('care_assignment.valid_until', 'is', null), w('care_assignment.valid_until', '>=', input.today)]))).as('staff_is_evv'),
    ])
    .where('message.client_id', '=', input.clientId)
  const after = input.after
  if (after) query = query.where((eb) => eb(eb.refTuple('message.created_at', 'message.id'), '<', eb.tuple(positionTime(after), positionId(after))))
  return query.orderBy('message.created_at', 'desc').orderBy('message.id', 'desc').limit(input.limit).execute()
}

export type ConversationRow = Awaited<ReturnType<typeof findConversationPage>>[number]

/** The staff member's "read up to" moment for this client, if they ever read anything. */
export async function findStaffReadUntil(db: Db, clientId: string, staffMemberId: string): Promise<Date | null> {
  const row = await db.selectFrom('message_read_marker').select('read_until').where('client_id', '=', clientId).where('staff_member_id', '=', staffMemberId).executeTakeFirst()
  return row?.read_until ?? null
}

/**
 * Moves the staff member's marker forward to the message's own time, taken in SQL so no
 * microsecond is lost; never back (reading an old page must not unread newer messages).
 */
export async function advanceStaffReadMarker(db: Db, input: { clientId: string; staffMemberId: string; messageId: string }, now: Date): Promise<void> {
  const { clientId, staffMemberId, messageId } = input
  await db
    .insertInto('message_read_marker')
    .values((eb) => ({
      client_id: clientId, account_id: null, staff_member_id: staffMemberId, updated_at: now,
      read_until: eb.selectFrom('message').select('created_at').where('id', '=', messageId).where('client_id', '=', clientId),
    }))
    .onConflict((oc) => oc.columns(['staff_member_id', 'client_id']).where('staff_member_id', 'is not', null).doUpdateSet({
      read_until: sql`greatest(message_read_marker.read_until, excluded.read_until)`,
      updated_at: now,
    }))
    .execute()
}

/** How a staff member signs in this client's conversation: "EVV-er" when they are that today, else their discipline. */
export async function findStaffSignature(db: Db, clientId: string, staffMemberId: string, today: string): Promise<string> {
  const row = await db
    .selectFrom('staff_member')
    .select((eb) => ['staff_member.discipline', eb.exists(eb.selectFrom('care_assignment').select(sql.lit(1).as('one'))
      .where('care_assignment.staff_member_id', '=', staffMemberId)
      .where('care_assignment.client_id', '=', clientId)
      .where('care_assignment.role', '=', 'evv')
      .where('care_assignment.valid_from', '<=', today)
      .where((w) => w.or([w('care_assignment.valid_until', 'is', null), w('care_assignment.valid_until', '>=', today)]))).as('is_evv')])
    .where('staff_member.id', '=', staffMemberId)
    .executeTakeFirst()
  return row?.is_evv ? 'EVV-er' : (row?.discipline ?? '')
}
