import type { Db } from '../../platform/db/database.ts'

/**
 * The staff member behind a session, with the second factor the session was started with.
 * Read fresh on every request: a role taken away or an account blocked counts at once.
 */
export async function findStaffOfSession(db: Db, tokenHash: Buffer) {
  return db
    .selectFrom('session')
    .innerJoin('account', 'account.id', 'session.account_id')
    .innerJoin('staff_member', 'staff_member.account_id', 'account.id')
    .select([
      'staff_member.id as staff_member_id', 'staff_member.name', 'staff_member.is_caregiver', 'staff_member.is_administrator',
      'session.second_factor', 'account.id as account_id', 'account.display_name',
    ])
    .where('session.token_hash', '=', tokenHash)
    .where('session.ended_at', 'is', null)
    .where('account.kind', '=', 'staff')
    .where('account.blocked_at', 'is', null)
    .where('account.ended_at', 'is', null)
    .executeTakeFirst()
}

/** Whether the account has a confirmed authenticator app or a passkey. */
export async function hasStrongSecondFactor(db: Db, accountId: string): Promise<boolean> {
  const totp = await db.selectFrom('account_totp').select('account_id').where('account_id', '=', accountId).where('confirmed_at', 'is not', null).executeTakeFirst()
  if (totp) return true
  const passkey = await db.selectFrom('passkey').select('id').where('account_id', '=', accountId).limit(1).executeTakeFirst()
  return passkey !== undefined
}
