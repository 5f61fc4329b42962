import type { Insertable } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import type { PasswordTokenTable } from './auth.table.ts'

export async function insertPasswordToken(db: Db, token: Insertable<PasswordTokenTable>): Promise<void> {
  await db.insertInto('password_token').values(token).execute()
}

/** Older links stop working when a new one is sent. */
export async function expireOpenPasswordTokens(db: Db, accountId: string, now: Date): Promise<void> {
  await db.updateTable('password_token').set({ used_at: now }).where('account_id', '=', accountId).where('used_at', 'is', null).execute()
}

export async function findUsablePasswordToken(db: Db, tokenHash: Buffer, now: Date) {
  return db
    .selectFrom('password_token')
    .innerJoin('account', 'account.id', 'password_token.account_id')
    .select(['password_token.account_id', 'password_token.purpose', 'account.login_name', 'account.display_name', 'account.email'])
    .where('password_token.token_hash', '=', tokenHash)
    .where('password_token.used_at', 'is', null)
    .where('password_token.expires_at', '>', now)
    .where('account.blocked_at', 'is', null)
    .where('account.ended_at', 'is', null)
    .executeTakeFirst()
}

/** Uses the token up; returns false when another request used it first. */
export async function markPasswordTokenUsed(db: Db, tokenHash: Buffer, now: Date): Promise<boolean> {
  const result = await db.updateTable('password_token').set({ used_at: now }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst()
  return result.numUpdatedRows === 1n
}

export async function storePasswordHash(db: Db, accountId: string, passwordHash: string, temporary: boolean, now: Date): Promise<void> {
  await db
    .updateTable('account')
    .set({ password_hash: passwordHash, password_is_temporary: temporary, password_changed_at: now, updated_at: now })
    .where('id', '=', accountId)
    .execute()
}

/**
 * "Wachtwoord vergeten?": the accounts (not blocked or ended) whose login name or e-mail address
 * is what the person typed, both without case. One e-mail address may belong to several accounts
 * (a daughter with her own account and her mother's); each gets its own e-mail.
 */
export async function findAccountsForPasswordReset(db: Db, loginNameOrEmail: string) {
  const typed = loginNameOrEmail.trim().toLowerCase()
  return db
    .selectFrom('account')
    .select(['id', 'login_name', 'display_name', 'email'])
    .where((eb) => eb.or([eb(eb.fn('lower', ['login_name']), '=', typed), eb(eb.fn('lower', ['email']), '=', typed)]))
    .where('blocked_at', 'is', null)
    .where('ended_at', 'is', null)
    .orderBy('login_name')
    .limit(10)
    .execute()
}
