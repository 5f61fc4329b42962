import type { Generated } from 'kysely'

/** A browser's web push subscription. Endpoint and keys are a bearer secret: stored encrypted, never logged. */
export interface PushSubscriptionTable {
  id: Generated<string>
  account_id: string
  /** SHA-256 of the endpoint: one row per browser, found again without decrypting. */
  endpoint_hash: Buffer
  /** {endpoint, keys: {p256dh, auth}} as JSON, encrypted with the data key (FieldCipher). */
  subscription_encrypted: Buffer
  /** "Chrome op Android": for the person's own list, from the User-Agent. */
  device: Generated<string>
  created_at: Generated<Date>
}

/** The VAPID key pair generated once when the configuration names none (demo, development). */
export interface WebPushKeyTable {
  id: number
  public_key: string
  private_key_encrypted: Buffer
  created_at: Generated<Date>
}
