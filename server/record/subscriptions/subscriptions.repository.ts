import type { Db } from '../../platform/db/database.ts'

/** The client's subscriptions, running ones first, then newest start first. */
export async function findSubscriptions(db: Db, clientId: string) {
  return db
    .selectFrom('subscription')
    .select(['id', 'service', 'supplier', 'starts_on', 'ends_on'])
    .where('client_id', '=', clientId)
    .orderBy((eb) => eb('ends_on', 'is', null), 'desc')
    .orderBy('starts_on', 'desc')
    .orderBy('service')
    .execute()
}

export type SubscriptionRow = Awaited<ReturnType<typeof findSubscriptions>>[number]
