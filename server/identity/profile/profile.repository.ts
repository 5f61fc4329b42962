import type { Db } from '../../platform/db/database.ts'

export async function findProfileAccount(db: Db, accountId: string) {
  return db
    .selectFrom('account')
    .select(['id', 'login_name', 'display_name', 'email', 'mobile_phone'])
    .where('id', '=', accountId)
    .executeTakeFirst()
}

export async function updateMobilePhone(db: Db, accountId: string, mobilePhone: string, now: Date): Promise<void> {
  await db.updateTable('account').set({ mobile_phone: mobilePhone, updated_at: now }).where('id', '=', accountId).execute()
}

/** The account's sessions that are not ended, not past their lifetime and seen since `idleSince`. */
export async function findActiveSessions(db: Db, accountId: string, now: Date, idleSince: Date) {
  return db
    .selectFrom('session')
    .select(['token_hash', 'created_at', 'last_seen_at', 'user_agent', 'second_factor', 'assurance'])
    .where('account_id', '=', accountId)
    .where('ended_at', 'is', null)
    .where('expires_at', '>', now)
    .where('last_seen_at', '>', idleSince)
    .orderBy('last_seen_at', 'desc')
    .execute()
}

/** Ends every open session of the account but `keep`; returns how many were still open. */
export async function endOtherSessions(db: Db, accountId: string, keep: Buffer, now: Date): Promise<number> {
  const result = await db
    .updateTable('session')
    .set({ ended_at: now })
    .where('account_id', '=', accountId)
    .where('ended_at', 'is', null)
    .where('token_hash', '!=', keep)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** A fresh password check: the session counts as a recent login from `now`. */
export async function markSessionAuthenticated(db: Db, tokenHash: Buffer, now: Date): Promise<void> {
  await db.updateTable('session').set({ authenticated_at: now }).where('token_hash', '=', tokenHash).execute()
}
