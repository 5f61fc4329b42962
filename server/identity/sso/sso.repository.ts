import type { Db } from '../../platform/db/database.ts'

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
