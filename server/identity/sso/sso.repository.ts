import type { Insertable } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import type { SsoLoginStateTable } from './sso.table.ts'

export async function insertLoginState(db: Db, row: Insertable<SsoLoginStateTable>): Promise<void> {
  await db.insertInto('sso_login_state').values(row).execute()
}

/** Removes states nobody came back for; called when a new one starts, so the table stays small. */
export async function deleteExpiredLoginStates(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('sso_login_state').where('expires_at', '<', now).execute()
}

/**
 * Marks the state used and returns it, in one statement: of two callbacks with the same
 * cookie (a replay, or two instances at once) only one gets it.
 */
export async function consumeLoginState(db: Db, idHash: Buffer, now: Date) {
  return db
    .updateTable('sso_login_state')
    .set({ used_at: now })
    .where('id_hash', '=', idHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['state', 'nonce', 'code_verifier'])
    .executeTakeFirst()
}

/** Staff accounts (with a staff record, not ended) whose e-mail or login name is `value`; blocked ones too, to log who was refused. */
export async function findStaffAccountsByClaim(db: Db, claim: 'email' | 'preferred_username', value: string) {
  let query = db
    .selectFrom('account')
    .innerJoin('staff_member', 'staff_member.account_id', 'account.id')
    .select(['account.id', 'account.display_name', 'account.blocked_at', 'account.ended_at'])
    .where('account.kind', '=', 'staff')
    .where('account.ended_at', 'is', null)
  // E-mail addresses compare without case (IdPs differ in how they spell them); login names exactly.
  query = claim === 'email' ? query.where((eb) => eb(eb.fn('lower', ['account.email']), '=', value.toLowerCase())) : query.where('account.login_name', '=', value)
  return query.limit(2).execute()
}
