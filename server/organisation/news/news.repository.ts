import type { Kysely } from 'kysely'
import type { Database } from '../../platform/db/schema.ts'

/** News published at `now`: started, and not yet ended. */
export async function findCurrentNews(db: Kysely<Database>, now: Date, limit: number) {
  return db
    .selectFrom('news_item')
    .select(['id', 'title', 'body', 'publish_from'])
    .where('publish_from', '<=', now)
    .where((eb) => eb.or([eb('publish_until', 'is', null), eb('publish_until', '>', now)]))
    .orderBy('publish_from', 'desc')
    .limit(limit)
    .execute()
}
