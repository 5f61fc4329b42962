import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import type { NewsItemTable } from '../../organisation/news/news.table.ts'

const COLUMNS = ['id', 'title', 'body', 'publish_from', 'publish_until'] as const

/** Every news item, planned, current and ended, newest first. */
export async function findAllNews(db: Db) {
  return db.selectFrom('news_item').select(COLUMNS).orderBy('publish_from', 'desc').orderBy('id').limit(500).execute()
}

export async function insertNews(db: Db, item: Insertable<NewsItemTable>) {
  return db.insertInto('news_item').values(item).returning(COLUMNS).executeTakeFirstOrThrow()
}

export async function updateNews(db: Db, id: string, changes: Updateable<NewsItemTable>) {
  return db.updateTable('news_item').set(changes).where('id', '=', id).returning(COLUMNS).executeTakeFirst()
}

export async function deleteNews(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('news_item').where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

export type AdminNewsRow = Awaited<ReturnType<typeof findAllNews>>[number]
