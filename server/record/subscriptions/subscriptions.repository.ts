import type { Db } from '../../platform/db/database.ts'

/**
 * The client's subscriptions in the one order the home card and the Abonnementen page share:
 * running on `today` first (no end, or an end from today on), then the most recently started,
 * then by service and id, so two equal rows never swap places. `total` counts all of them,
 * for the home card that shows the first few.
 */
export async function findSubscriptions(db: Db, clientId: string, today: string, limit?: number) {
  return subscriptionsQuery(db, clientId, today, limit).execute()
}

/** The query of findSubscriptions, unexecuted: the home screen composes it into its one statement. */
export function subscriptionsQuery(db: Db, clientId: string, today: string, limit?: number) {
  let query = db
    .selectFrom('subscription')
    .select((eb) => ['id', 'service', 'supplier', 'starts_on', 'ends_on', eb.fn.countAll<string>().over().as('total')])
    .where('client_id', '=', clientId)
    .orderBy((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]), 'desc')
    .orderBy('starts_on', 'desc')
    .orderBy('service')
    .orderBy('id')
  if (limit !== undefined) query = query.limit(limit)
  return query
}

export type SubscriptionRow = Awaited<ReturnType<typeof findSubscriptions>>[number]
