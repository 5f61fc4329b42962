import type { Insertable } from 'kysely'
import { sql } from 'kysely'
import type { Db } from '../../../platform/db/database.ts'
import { isRowId } from '../fhir-repository-helpers.ts'
import type { FhirSubscriptionTable } from './fhir-subscription.table.ts'
import type { SubscriptionTopicKey } from './fhir-subscription-topics.ts'

export async function insertSubscription(db: Db, values: Insertable<FhirSubscriptionTable>) {
  return db.insertInto('fhir_subscription').values(values).returningAll().executeTakeFirstOrThrow()
}

/** One subscription of this integration client; another client's is not found. */
export async function findSubscription(db: Db, clientId: string, id: string) {
  if (!isRowId(id)) return undefined
  return db.selectFrom('fhir_subscription').selectAll().where('id', '=', id).where('integration_client_id', '=', clientId).executeTakeFirst()
}

export async function listSubscriptions(db: Db, clientId: string) {
  return db.selectFrom('fhir_subscription').selectAll().where('integration_client_id', '=', clientId).orderBy('updated_at').orderBy('id').limit(500).execute()
}

export async function switchSubscriptionOff(db: Db, clientId: string, id: string, now: Date) {
  if (!isRowId(id)) return undefined
  return db.updateTable('fhir_subscription').set((eb) => ({ status: 'off', updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id).where('integration_client_id', '=', clientId).returningAll().executeTakeFirst()
}

/**
 * Numbers one event for every active subscription of the topic (of an enabled client, not
 * ended): each row's counter goes up by one in the event's transaction, so two events never
 * share a number, also when two instances write at once (the row lock orders them).
 */
export async function countEventForTopic(db: Db, topic: SubscriptionTopicKey, now: Date) {
  return db.updateTable('fhir_subscription')
    .set((eb) => ({ events_since_start: eb('events_since_start', '+', 1), last_notified_at: now }))
    // The canonical URL is under the portal's address; the key comes from a fixed list (no LIKE escapes needed).
    .where('topic', 'like', `%/fhir/SubscriptionTopic/${topic}`)
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('end_at', 'is', null), eb('end_at', '>', now)]))
    .where('integration_client_id', 'in', (eb) => eb.selectFrom('integration_client').select('id').where('disabled_at', 'is', null))
    .returningAll()
    .execute()
}

/** Active subscriptions whose heartbeat is due, claimed for this transaction (others skip them). */
export async function claimDueHeartbeats(db: Db, now: Date) {
  const due = await db.selectFrom('fhir_subscription').select('id')
    .where('status', '=', 'active')
    .where('heartbeat_seconds', 'is not', null)
    .where(sql<boolean>`last_notified_at + heartbeat_seconds * interval '1 second' <= ${now}`)
    .where((eb) => eb.or([eb('end_at', 'is', null), eb('end_at', '>', now)]))
    .limit(100)
    .forUpdate()
    .skipLocked()
    .execute()
  if (due.length === 0) return []
  return db.updateTable('fhir_subscription').set({ last_notified_at: now }).where('id', 'in', due.map((d) => d.id)).returningAll().execute()
}
