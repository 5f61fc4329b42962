import type { Db } from '../../platform/db/database.ts'

/** What the profile card needs: the name parts and the date of birth, nothing more. */
export async function findProfileSummary(db: Db, clientId: string) {
  return db
    .selectFrom('client')
    .select(['gender', 'initials', 'given_name', 'name_prefix', 'family_name', 'date_of_birth'])
    .where('id', '=', clientId)
    .executeTakeFirstOrThrow()
}

/** The client's subscriptions, running ones first, then the most recently started. */
export async function findSubscriptions(db: Db, clientId: string, today: string, limit?: number) {
  let query = db
    .selectFrom('subscription')
    .select((eb) => ['id', 'service', 'supplier', 'starts_on', 'ends_on', eb.fn.countAll<string>().over().as('total')])
    .where('client_id', '=', clientId)
    .orderBy((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]), 'desc')
    .orderBy('starts_on', 'desc')
    .orderBy('service')
    .orderBy('id')
  if (limit !== undefined) query = query.limit(limit)
  return query.execute()
}

export type SubscriptionRow = Awaited<ReturnType<typeof findSubscriptions>>[number]
