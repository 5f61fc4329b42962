import type { Subscription } from '../../../shared/schemas/subscriptions.ts'
import type { Db } from '../../platform/db/database.ts'
import type { RequestSource } from '../../platform/access-log/access-log.service.ts'
import type { ActiveSession } from '../../identity/authentication/session.service.ts'
import { readThroughLink } from '../client-access/client-access.service.ts'
import { findSubscriptions, type SubscriptionRow } from './subscriptions.repository.ts'

export function subscriptionRowToSubscription(row: SubscriptionRow): Subscription {
  return { id: row.id, service: row.service, supplier: row.supplier, startsOn: row.starts_on, endsOn: row.ends_on }
}

/** "Abonnementen" of the client, through the account's link, logged. */
export async function listSubscriptions(db: Db, session: ActiveSession, clientId: string, source: RequestSource, now: Date): Promise<Subscription[]> {
  return readThroughLink(db, session, clientId, { section: 'subscriptions', dataKind: 'subscription' }, source, now, async (trx, access) =>
    (await findSubscriptions(trx, access.clientId)).map(subscriptionRowToSubscription),
  )
}
