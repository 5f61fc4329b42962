import type { Db } from '../../platform/db/database.ts'

export async function findCurrentTerms(db: Db, now: Date) {
  return db
    .selectFrom('terms_version')
    .select(['id', 'version', 'body', 'published_at'])
    .where('published_at', '<=', now)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function findAcceptance(db: Db, accountId: string, termsVersionId: string) {
  return db
    .selectFrom('terms_acceptance')
    .select('accepted_at')
    .where('account_id', '=', accountId)
    .where('terms_version_id', '=', termsVersionId)
    .executeTakeFirst()
}

export async function insertAcceptance(db: Db, accountId: string, termsVersionId: string, now: Date): Promise<void> {
  await db
    .insertInto('terms_acceptance')
    .values({ account_id: accountId, terms_version_id: termsVersionId, accepted_at: now })
    .onConflict((oc) => oc.doNothing())
    .execute()
}
