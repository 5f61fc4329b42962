import type { Kysely } from 'kysely'
import type { NewsItem } from '../../../shared/schemas/news.ts'
import type { Database } from '../../platform/db/schema.ts'
import { findCurrentNews } from './news.repository.ts'

type NewsRow = Awaited<ReturnType<typeof findCurrentNews>>[number]

export function newsRowToNewsItem(row: NewsRow): NewsItem {
  return { id: row.id, title: row.title, body: row.body, publishedAt: row.publish_from.toISOString() }
}

/** The announcements shown beside the login form, newest first. */
export async function listCurrentNews(db: Kysely<Database>, now: Date): Promise<NewsItem[]> {
  const rows = await findCurrentNews(db, now, 10)
  return rows.map(newsRowToNewsItem)
}
