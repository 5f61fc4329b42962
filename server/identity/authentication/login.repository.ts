import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import type { LoginAttemptTable } from './auth.table.ts'

export async function findAccountByLoginName(db: Db, loginName: string) {
  return db
    .selectFrom('account')
    .select(['id', 'kind', 'login_name', 'display_name', 'email', 'mobile_phone', 'password_hash', 'throttled_until', 'blocked_at', 'ended_at'])
    .where((eb) => eb(eb.fn('lower', ['login_name']), '=', loginName.trim().toLowerCase()))
    .executeTakeFirst()
}

export async function findAccountById(db: Db, accountId: string) {
  return db
    .selectFrom('account')
    .select(['id', 'kind', 'login_name', 'display_name', 'email', 'mobile_phone', 'password_hash', 'throttled_until', 'blocked_at', 'ended_at'])
    .where('id', '=', accountId)
    .executeTakeFirst()
}

export async function insertLoginAttempt(db: Db, attempt: Insertable<LoginAttemptTable>): Promise<void> {
  await db.insertInto('login_attempt').values(attempt).execute()
}

/** The attempt behind a token, locked for this transaction so two requests cannot both use one code. */
export async function findOpenAttemptForUpdate(db: Db, tokenHash: Buffer, now: Date) {
  return db
    .selectFrom('login_attempt')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('completed_at', 'is', null)
    .where('expires_at', '>', now)
    .forUpdate()
    .executeTakeFirst()
}

export async function updateLoginAttempt(db: Db, id: string, changes: Updateable<LoginAttemptTable>): Promise<void> {
  await db.updateTable('login_attempt').set(changes).where('id', '=', id).execute()
}
