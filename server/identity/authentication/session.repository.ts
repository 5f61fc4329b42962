import type { Insertable } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import type { SessionTable } from '../accounts/account.table.ts'

export async function insertSession(db: Db, session: Insertable<SessionTable>): Promise<void> {
  await db.insertInto('session').values(session).execute()
}

/** The session with its account, if it has not been ended; the caller checks the timeouts. */
export async function findSessionWithAccount(db: Db, tokenHash: Buffer) {
  return db
    .selectFrom('session')
    .innerJoin('account', 'account.id', 'session.account_id')
    .select([
      'session.token_hash',
      'session.account_id',
      'session.created_at',
      'session.last_seen_at',
      'session.expires_at',
      'session.csrf_token',
      'session.authenticated_at',
      'session.second_factor',
      'session.assurance',
      'account.kind',
      'account.login_name',
      'account.display_name',
      'account.password_is_temporary',
      'account.blocked_at',
      'account.ended_at',
    ])
    .where('session.token_hash', '=', tokenHash)
    .where('session.ended_at', 'is', null)
    .executeTakeFirst()
}

export async function touchSession(db: Db, tokenHash: Buffer, now: Date): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute()
}

export async function endSessionByHash(db: Db, tokenHash: Buffer, now: Date): Promise<void> {
  await db.updateTable('session').set({ ended_at: now }).where('token_hash', '=', tokenHash).where('ended_at', 'is', null).execute()
}

/** Ends every open session of the account, except `keep` when given. */
export async function endAccountSessions(db: Db, accountId: string, now: Date, keep?: Buffer): Promise<void> {
  let query = db.updateTable('session').set({ ended_at: now }).where('account_id', '=', accountId).where('ended_at', 'is', null)
  if (keep) query = query.where('token_hash', '!=', keep)
  await query.execute()
}
