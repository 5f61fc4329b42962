import type { Subscription } from '../../../shared/schemas/subscriptions.ts'
import { amsterdamDate } from '../../platform/amsterdam-time.ts'
import type { RequestContext } from '../../platform/http/request-context.ts'
import { asCaregiver } from '../client-access/caregiver-access.policy.ts'
import { throughLink } from '../client-access/client-access.policy.ts'
import { type RecordAccess, type RecordPolicy, throughRecord } from '../client-access/record-door.ts'
import { findSubscriptions, type SubscriptionRow } from './subscriptions.repository.ts'

/** The portal's door (a link with the subscriptions permission) and the workspace's (a caregiver of the client). */
export const subscriptionDoors: Record<'portal' | 'workspace', RecordPolicy<RecordAccess>> = { portal: throughLink('subscriptions'), workspace: asCaregiver }

/** The one row→domain mapper: the Abonnementen page, the workspace and the home card show the same fields. */
export function subscriptionRowToSubscription(row: SubscriptionRow): Subscription {
  return { id: row.id, service: row.service, supplier: row.supplier, startsOn: row.starts_on, endsOn: row.ends_on }
}

/** "Abonnementen" of the client, running ones first (in the order the home card shows them), logged. */
export async function listSubscriptions(context: RequestContext, door: RecordPolicy<RecordAccess>, clientId: string): Promise<Subscription[]> {
  return throughRecord(context, door, clientId, { action: 'read', dataKind: 'subscription' }, async (trx, access) =>
    (await findSubscriptions(trx, access.clientId, amsterdamDate(context.now))).map(subscriptionRowToSubscription),
  )
}
