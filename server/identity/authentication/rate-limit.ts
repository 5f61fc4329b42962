import { sql } from 'kysely'
import type { Db } from '../../platform/db/database.ts'

/**
 * Counts one hit for `key` in the current fixed window and says whether it is still within
 * `limit`. The counter lives in the database, so every app instance shares it.
 */
export async function consumeRateLimit(db: Db, key: string, limit: number, windowSeconds: number, now: Date): Promise<boolean> {
  const windowMs = windowSeconds * 1000
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs)
  const row = await db
    .insertInto('rate_limit')
    .values({ key, window_start: windowStart, hits: 1 })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql`rate_limit.hits + 1` }))
    .returning('hits')
    .executeTakeFirstOrThrow()
  return row.hits <= limit
}
