import { createHash } from 'node:crypto'
import type { FieldCipher } from '../../crypto/field-encryption.ts'
import type { Db } from '../../db/database.ts'
import type { WebPushSubscription } from '../transports/transport.ts'

const endpointHash = (endpoint: string) => createHash('sha256').update(endpoint).digest()

/** Stores (or moves to this account) the browser's subscription; the endpoint is found again by its hash only. */
export async function savePushSubscription(db: Db, cipher: FieldCipher, input: { accountId: string; subscription: WebPushSubscription; device: string }, now: Date) {
  const subscription_encrypted = cipher.encrypt(JSON.stringify({ endpoint: input.subscription.endpoint, keys: input.subscription.keys }))
  return db
    .insertInto('push_subscription')
    .values({ account_id: input.accountId, endpoint_hash: endpointHash(input.subscription.endpoint), subscription_encrypted, device: input.device, created_at: now })
    .onConflict((oc) => oc.column('endpoint_hash').doUpdateSet({ account_id: input.accountId, subscription_encrypted, device: input.device, created_at: now }))
    .returning(['id'])
    .executeTakeFirstOrThrow()
}

export async function listPushDevices(db: Db, accountId: string) {
  return db.selectFrom('push_subscription').select(['id', 'device', 'created_at']).where('account_id', '=', accountId).orderBy('created_at', 'desc').execute()
}

/** The account's subscriptions, decrypted for queueing (the outbox stores them encrypted again). */
export async function findPushSubscriptions(db: Db, cipher: FieldCipher, accountId: string): Promise<{ id: string; subscription: WebPushSubscription }[]> {
  const rows = await db.selectFrom('push_subscription').select(['id', 'subscription_encrypted']).where('account_id', '=', accountId).execute()
  return rows.map((row) => ({ id: row.id, subscription: JSON.parse(cipher.decrypt(row.subscription_encrypted)) as WebPushSubscription }))
}

/** Removes one of the account's own subscriptions; false when it has no such one. */
export async function deletePushSubscription(db: Db, accountId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('push_subscription').where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** The push service said the subscription is gone (404/410): forget it. */
export async function forgetPushSubscription(db: Db, id: string): Promise<void> {
  await db.deleteFrom('push_subscription').where('id', '=', id).execute()
}

/** WEB_PUSH=off: no subscription is kept that nothing will use. */
export async function forgetAllPushSubscriptions(db: Db): Promise<void> {
  await db.deleteFrom('push_subscription').execute()
}
