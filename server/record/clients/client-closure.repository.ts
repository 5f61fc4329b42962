import type { Db } from '../../platform/db/database.ts'

/**
 * The writes of closing a client's portal access when the ECD says the client died or left
 * (docs/decisions/fhir-death-and-departure.md). Links and invitations have their own owners for
 * everyday changes (Beheer, "Iemand toegang geven"); this is the one sweep over all of a client's,
 * kept here so the record folder does not import the screens built on it.
 */

/** Ends every open link of the client; returns the ended links. */
export async function endOpenLinksOfClient(db: Db, clientId: string, reason: string, now: Date) {
  return db.updateTable('client_link').set({ ended_at: now, end_reason: reason })
    .where('client_id', '=', clientId).where('ended_at', 'is', null)
    .returning(['id', 'account_id']).execute()
}

/** Cancels the client's invitations nobody accepted yet, so none becomes a link later. */
export async function cancelOpenInvitationsOfClient(db: Db, clientId: string, now: Date) {
  return db.updateTable('access_invitation').set({ cancelled_at: now })
    .where('client_id', '=', clientId).where('accepted_at', 'is', null).where('cancelled_at', 'is', null)
    .returning('id').execute()
}

/** Whether the ECD said the client died or left, so the record takes no new links or messages. */
export async function isClientClosed(db: Db, clientId: string): Promise<boolean> {
  const row = await db.selectFrom('client').select('closed_at').where('id', '=', clientId).executeTakeFirst()
  return row?.closed_at != null
}

/** The administrators who can be told: staff with the role whose account is neither ended nor blocked. */
export async function findAdministratorsToTell(db: Db) {
  return db.selectFrom('staff_member').innerJoin('account', 'account.id', 'staff_member.account_id')
    .select(['account.id as account_id', 'account.display_name', 'account.email'])
    .where('staff_member.is_administrator', '=', true)
    .where('account.ended_at', 'is', null).where('account.blocked_at', 'is', null)
    .execute()
}
