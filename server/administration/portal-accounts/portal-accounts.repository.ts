import type { ExpressionBuilder } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import { containsPattern } from '../../platform/db/contains-pattern.ts'
import { activeAt } from '../../platform/db/valid-on-day.ts'
import type { Database } from '../../platform/db/schema.ts'


function accountsWithLinkCount(db: Db, now: Date) {
  return db
    .selectFrom('account')
    .select([
      'account.id', 'account.kind', 'account.login_name', 'account.display_name', 'account.email', 'account.mobile_phone',
      'account.blocked_at', 'account.ended_at', 'account.created_at',
    ])
    .select((eb) => eb('account.password_hash', 'is not', null).as('has_password'))
    .select((eb) =>
      eb
        .selectFrom('client_link')
        .select((inner) => inner.fn.countAll<string>().as('n'))
        .whereRef('client_link.account_id', '=', 'account.id')
        .where((inner) => activeAt(inner, { from: 'client_link.activated_at', ended: 'client_link.ended_at' }, now))
        .as('active_link_count'),
    )
}

/** Accounts of one kind whose login name, name or e-mail contains `search`, by name. */
export async function findAccounts(db: Db, kind: 'portal' | 'staff', search: string, limit: number, offset: number, now: Date) {
  let query = accountsWithLinkCount(db, now).where('account.kind', '=', kind)
  let count = db.selectFrom('account').select((eb) => eb.fn.countAll<string>().as('total')).where('account.kind', '=', kind)
  if (search) {
    const pattern = containsPattern(search)
    const matches = (eb: ExpressionBuilder<Database, 'account'>) => eb.or([eb('account.login_name', 'ilike', pattern), eb('account.display_name', 'ilike', pattern), eb('account.email', 'ilike', pattern)])
    query = query.where(matches)
    count = count.where(matches)
  }
  const rows = await query.orderBy('account.display_name').orderBy('account.id').limit(limit).offset(offset).execute()
  const { total } = await count.executeTakeFirstOrThrow()
  return { rows, total: Number(total) }
}

export async function findAccountForAdmin(db: Db, accountId: string, now: Date) {
  return accountsWithLinkCount(db, now).where('account.id', '=', accountId).executeTakeFirst()
}

export type AdminAccountRow = NonNullable<Awaited<ReturnType<typeof findAccountForAdmin>>>

export async function countSecondFactors(db: Db, accountId: string) {
  const totp = await db.selectFrom('account_totp').select('account_id').where('account_id', '=', accountId).where('confirmed_at', 'is not', null).executeTakeFirst()
  const passkeys = await db.selectFrom('passkey').select((eb) => eb.fn.countAll<string>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow()
  const codes = await db.selectFrom('recovery_code').select((eb) => eb.fn.countAll<string>().as('n')).where('account_id', '=', accountId).where('used_at', 'is', null).executeTakeFirstOrThrow()
  return { totp: totp !== undefined, passkeys: Number(passkeys.n), recoveryCodes: Number(codes.n) }
}

export async function setAccountBlocked(db: Db, accountId: string, blockedAt: Date | null, now: Date): Promise<void> {
  // Unblocking also clears the failure count, so the person can log in straight away.
  const changes = blockedAt ? { blocked_at: blockedAt, updated_at: now } : { blocked_at: null, failed_attempts: 0, throttled_until: null, updated_at: now }
  await db.updateTable('account').set(changes).where('id', '=', accountId).execute()
}

/** Removes the authenticator app (also one being enrolled), all passkeys and recovery codes. */
export async function deleteSecondFactors(db: Db, accountId: string): Promise<void> {
  await db.deleteFrom('account_totp').where('account_id', '=', accountId).execute()
  await db.deleteFrom('passkey').where('account_id', '=', accountId).execute()
  await db.deleteFrom('recovery_code').where('account_id', '=', accountId).execute()
}

export async function storeTemporaryPassword(db: Db, accountId: string, passwordHash: string, now: Date): Promise<void> {
  await db
    .updateTable('account')
    .set({ password_hash: passwordHash, password_is_temporary: true, password_changed_at: now, failed_attempts: 0, throttled_until: null, updated_at: now })
    .where('id', '=', accountId)
    .execute()
}

/** Ends the account for good (it cannot log in again) and every link it still has; returns those links. */
export async function endAccountAndLinks(db: Db, accountId: string, now: Date) {
  await db.updateTable('account').set({ ended_at: now, updated_at: now }).where('id', '=', accountId).execute()
  return db
    .updateTable('client_link')
    .set({ ended_at: now, end_reason: 'account_ended' })
    .where('account_id', '=', accountId)
    .where('ended_at', 'is', null)
    .returning(['id', 'client_id'])
    .execute()
}
