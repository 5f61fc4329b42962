import type { Bundle, BundleEntry, Parameters, ParametersParameter } from '@medplum/fhirtypes'
import { randomUUID } from 'node:crypto'
import type { Selectable } from 'kysely'
import type { Db } from '../../../platform/db/database.ts'
import { enqueueWebhook } from '../../../platform/outbox/outbox.service.ts'
import { outboxSecretsOf } from '../../../platform/outbox/outbox-secrets.ts'
import type { FhirSubscriptionTable } from './fhir-subscription.table.ts'
import { BACKPORT, SUBSCRIPTION_TOPICS, type SubscriptionTopicKey } from './fhir-subscription-topics.ts'
import { claimDueHeartbeats, countEventForTopic } from './fhir-subscription.repository.ts'

type SubscriptionRow = Selectable<FhirSubscriptionTable>
type NotificationType = 'handshake' | 'heartbeat' | 'event-notification'

/**
 * A portal event for the ECD's subscriptions: call it in the transaction that makes the change
 * (a message sent, an appointment made or changed), so the notification exists exactly when the
 * change was committed. Each active subscription of the topic gets its next event number and
 * one notification in the outbox, delivered with retries (docs/decisions/fhir-subscriptions.md).
 */
export async function announcePortalEvent(trx: Db, event: { topic: SubscriptionTopicKey; focusId: string }, now: Date): Promise<void> {
  const subscriptions = await countEventForTopic(trx, event.topic, now)
  for (const subscription of subscriptions) {
    await queueNotification(trx, subscription, 'event-notification', now, { number: subscription.events_since_start, focusId: event.focusId })
  }
}

/** The handshake of a new subscription: the receiver learns it exists and that the endpoint works. */
export async function queueHandshake(db: Db, subscription: SubscriptionRow, now: Date): Promise<void> {
  await queueNotification(db, subscription, 'handshake', now)
}

/**
 * Heartbeats of subscriptions that have been quiet for their heartbeat period: run on the
 * outbox worker's schedule, on every instance; the row locks make each heartbeat go out once.
 */
export async function queueDueHeartbeats(db: Db, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const due = await claimDueHeartbeats(trx, now)
    for (const subscription of due) await queueNotification(trx, subscription, 'heartbeat', now)
    return due.length
  })
}

async function queueNotification(db: Db, subscription: SubscriptionRow, type: NotificationType, now: Date, event?: { number: number; focusId: string }): Promise<void> {
  const cipher = outboxSecretsOf(db).cipher
  const endpoint = cipher.decrypt(subscription.endpoint_encrypted)
  const extraHeaders = subscription.header_encrypted ? (JSON.parse(cipher.decrypt(subscription.header_encrypted)) as Record<string, string>) : {}
  const bundle = notificationBundle(subscription, type, now, event)
  await enqueueWebhook(db, {
    // The log and the admin view name the subscription, never its endpoint.
    recipient: `fhir-subscription:${subscription.id}`,
    subject: `FHIR ${type}${event ? ` ${event.number}` : ''}`,
    url: endpoint,
    headers: { ...extraHeaders, 'content-type': 'application/fhir+json' },
    body: JSON.stringify(bundle),
  }, now)
}

/**
 * The notification Bundle (type history) of the Backport IG for R4: first a SubscriptionStatus
 * as Parameters, then, with id-only content, the focus's fullUrl and no resource: the ECD reads
 * it through the API (with its token, in the access log). The Bundle id is fixed when queued, so
 * a retried delivery carries the same id and event number.
 */
function notificationBundle(subscription: SubscriptionRow, type: NotificationType, now: Date, event?: { number: number; focusId: string }): Bundle {
  const base = baseOf(subscription.topic)
  const topicKey = topicKeyOf(subscription.topic)
  const focusUrl = event && topicKey ? `${base}${SUBSCRIPTION_TOPICS[topicKey].focus}/${event.focusId}` : undefined
  const status = subscriptionStatus(subscription, type, 'active', event && { ...event, at: now, focusUrl: subscription.payload === 'id-only' ? focusUrl : undefined })
  const entry: BundleEntry[] = [{
    fullUrl: `urn:uuid:${status.id}`,
    resource: status,
    request: { method: 'GET', url: `${base}Subscription/${subscription.id}/$status` },
    response: { status: '200' },
  }]
  if (subscription.payload === 'id-only' && focusUrl) entry.push({ fullUrl: focusUrl, request: { method: 'PUT', url: focusUrl.slice(base.length) }, response: { status: '200' } })
  return {
    resourceType: 'Bundle',
    id: randomUUID(),
    meta: { profile: [`${BACKPORT}/backport-subscription-notification-r4`] },
    type: 'history',
    timestamp: now.toISOString(),
    entry,
  }
}

/**
 * A SubscriptionStatus as the Backport IG writes it for R4 (Parameters): in every notification,
 * and as the answer of `GET Subscription/<id>/$status` (type query-status).
 */
export function subscriptionStatus(
  subscription: SubscriptionRow,
  type: NotificationType | 'query-status',
  status: 'active' | 'off',
  event?: { number: number; at: Date; focusUrl: string | undefined },
): Parameters {
  const parameter: ParametersParameter[] = [
    { name: 'subscription', valueReference: { reference: `${baseOf(subscription.topic)}Subscription/${subscription.id}` } },
    { name: 'topic', valueCanonical: subscription.topic },
    { name: 'status', valueCode: status },
    { name: 'type', valueCode: type },
    { name: 'events-since-subscription-start', valueString: String(event?.number ?? subscription.events_since_start) },
  ]
  if (event) {
    parameter.push({
      name: 'notification-event',
      part: [
        { name: 'event-number', valueString: String(event.number) },
        { name: 'timestamp', valueInstant: event.at.toISOString() },
        ...(event.focusUrl ? [{ name: 'focus', valueReference: { reference: event.focusUrl } }] : []),
      ],
    })
  }
  return { resourceType: 'Parameters', id: randomUUID(), meta: { profile: [`${BACKPORT}/backport-subscription-status-r4`] }, parameter }
}

/** `https://portal/fhir/` of a topic URL `https://portal/fhir/SubscriptionTopic/<key>`. */
function baseOf(topic: string): string {
  return topic.replace(/SubscriptionTopic\/[^/]+$/, '')
}

function topicKeyOf(topic: string): SubscriptionTopicKey | undefined {
  const key = /SubscriptionTopic\/([^/]+)$/.exec(topic)?.[1]
  return key && key in SUBSCRIPTION_TOPICS ? (key as SubscriptionTopicKey) : undefined
}
