import webPush from 'web-push'
import type { Config } from '../../../config.ts'
import type { FieldCipher } from '../../crypto/field-encryption.ts'
import type { Db } from '../../db/database.ts'

export interface VapidKeys {
  /** base64url, uncompressed P-256 point: what the browser's PushManager.subscribe needs. */
  publicKey: string
  privateKey: string
}

/**
 * The VAPID key pair: from the configuration (VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY) when set;
 * otherwise generated once and kept in the database (private key encrypted with the data key),
 * so every instance sharing the database signs with the same pair and subscriptions stay valid
 * across restarts. Concurrent first calls agree: the insert does nothing when a pair exists.
 */
export async function loadVapidKeys(db: Db, config: Pick<Config, 'webPush'>, cipher: FieldCipher): Promise<VapidKeys> {
  if (config.webPush.keys) return config.webPush.keys
  const stored = await db.selectFrom('web_push_key').select(['public_key', 'private_key_encrypted']).where('id', '=', 1).executeTakeFirst()
  if (stored) return { publicKey: stored.public_key, privateKey: cipher.decrypt(stored.private_key_encrypted) }
  const fresh = webPush.generateVAPIDKeys()
  await db
    .insertInto('web_push_key')
    .values({ id: 1, public_key: fresh.publicKey, private_key_encrypted: cipher.encrypt(fresh.privateKey) })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
  return loadVapidKeys(db, config, cipher)
}
