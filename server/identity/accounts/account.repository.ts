import type { Insertable } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import type { AccountTable } from './account.table.ts'

/** Login names are unique without regard to case (the database's unique index says so too). */
export async function loginNameTaken(db: Db, loginName: string): Promise<boolean> {
  const row = await db
    .selectFrom('account')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['login_name']), '=', loginName.toLowerCase()))
    .executeTakeFirst()
  return row !== undefined
}

export async function insertAccount(db: Db, account: Insertable<AccountTable>) {
  return db.insertInto('account').values(account).returning(['id', 'kind', 'login_name', 'display_name', 'email']).executeTakeFirstOrThrow()
}
