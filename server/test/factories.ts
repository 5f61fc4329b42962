import type { Insertable } from 'kysely'
import type { Db } from '../db/database.ts'
import type { NewsItemTable } from '../features/news/news.table.ts'
import type { OrganisationTable } from '../features/organisation/organisation.table.ts'

/** Test data with sensible defaults; override only what the test is about. */
export async function createOrganisation(db: Db, overrides: Partial<Insertable<OrganisationTable>> = {}) {
  return db
    .insertInto('organisation')
    .values({ name: 'Zorggroep Test', tagline: 'Zorg dichtbij', ...overrides })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function createNewsItem(db: Db, overrides: Partial<Insertable<NewsItemTable>> = {}) {
  return db
    .insertInto('news_item')
    .values({ title: 'Onderhoud', body: 'Het portaal is zaterdag even niet bereikbaar.', publish_from: new Date(Date.now() - 3600_000), ...overrides })
    .returningAll()
    .executeTakeFirstOrThrow()
}
