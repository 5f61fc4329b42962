import { sql } from 'kysely'
import type { Db } from '../../platform/db/database.ts'

/** Failures in a row (wrong password, wrong or missing code) before the account is throttled. */
export const FAILURES_BEFORE_THROTTLE = 10
const MAX_THROTTLE_MINUTES = 60

export function isThrottled(account: { throttled_until: Date | null }, now: Date): boolean {
  return account.throttled_until !== null && account.throttled_until > now
}

/**
 * Counts a failure. From the tenth in a row the account is throttled, for a delay that
 * doubles with every further failure (1, 2, 4 ... minutes, at most an hour).
 * `throttle: false` only counts (a right password whose second factor is still to come).
 */
export async function registerFailure(db: Db, accountId: string, now: Date, options: { throttle: boolean } = { throttle: true }): Promise<void> {
  await db
    .updateTable('account')
    .set({
      failed_attempts: sql`failed_attempts + 1`,
      throttled_until: sql`case when ${options.throttle} and failed_attempts + 1 >= ${FAILURES_BEFORE_THROTTLE}
        then ${now}::timestamptz + least(power(2, failed_attempts + 1 - ${FAILURES_BEFORE_THROTTLE}), ${MAX_THROTTLE_MINUTES}) * interval '1 minute'
        else throttled_until end`,
    })
    .where('id', '=', accountId)
    .execute()
}

/** A complete login (password and second factor) clears the count. */
export async function resetFailures(db: Db, accountId: string): Promise<void> {
  await db.updateTable('account').set({ failed_attempts: 0, throttled_until: null }).where('id', '=', accountId).execute()
}
