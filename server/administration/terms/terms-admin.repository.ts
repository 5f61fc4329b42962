import type { Db } from '../../platform/db/database.ts'

/** Every version, newest first, with how many accounts accepted it. */
export async function findTermsVersionsWithAcceptance(db: Db) {
  return db
    .selectFrom('terms_version')
    .select(['id', 'version', 'body', 'published_at'])
    .select((eb) =>
      eb.selectFrom('terms_acceptance').select((inner) => inner.fn.countAll<string>().as('n')).whereRef('terms_acceptance.terms_version_id', '=', 'terms_version.id').as('accepted_count'),
    )
    .orderBy('version', 'desc')
    .execute()
}

/** The next version number, taken under a lock so two administrators cannot both publish version n. */
export async function insertNextTermsVersion(db: Db, body: string, publishedBy: string, now: Date) {
  await db.selectFrom('terms_version').select('id').forUpdate().execute()
  const { max } = await db.selectFrom('terms_version').select((eb) => eb.fn.max('version').as('max')).executeTakeFirstOrThrow()
  return db
    .insertInto('terms_version')
    .values({ version: (max ?? 0) + 1, body, published_at: now, published_by: publishedBy })
    .returning(['id', 'version', 'body', 'published_at'])
    .executeTakeFirstOrThrow()
}
