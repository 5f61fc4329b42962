import {
  NOTIFICATION_CHANNELS, type NotificationPreference, type NotificationSettings, type NotificationSettingsChange, type PushSubscriptionRequest,
} from '../../../shared/schemas/notifications.ts'
import type { Config } from '../../config.ts'
import type { FieldCipher } from '../../platform/crypto/field-encryption.ts'
import type { Db } from '../../platform/db/database.ts'
import { conflict, notFound, validationFailed } from '../../platform/errors.ts'
import { deletePushSubscription, listPushDevices, savePushSubscription } from '../../platform/outbox/push/push-subscription.repository.ts'
import { loadVapidKeys } from '../../platform/outbox/push/vapid-keys.ts'
import { defaultMode, kindsFor } from './notification-defaults.ts'
import { findAccountForSettings, findPreferences, upsertPreferences } from './notification.repository.ts'

type Deps = { db: Db; config: Pick<Config, 'webPush' | 'env'>; cipher: FieldCipher }

/** Meldingen: every kind the account can choose for, each channel's mode (its own choice, else the default). */
export async function getNotificationSettings({ db, config, cipher }: Deps, accountId: string): Promise<NotificationSettings> {
  const account = await findAccountForSettings(db, accountId)
  if (!account) throw notFound('account')
  const chosen = new Map((await findPreferences(db, [accountId])).map((p) => [`${p.kind}/${p.channel}`, p.mode]))
  const preferences: NotificationPreference[] = kindsFor(account.kind).flatMap((kind) =>
    NOTIFICATION_CHANNELS.map((channel) => ({ kind, channel, mode: chosen.get(`${kind}/${channel}`) ?? defaultMode(account.kind, kind, channel) })),
  )
  const devices = config.webPush.enabled ? await listPushDevices(db, accountId) : []
  return {
    preferences,
    reachable: { email: account.email.includes('@'), sms: account.mobile_phone !== null, push: devices.length > 0 },
    pushPublicKey: config.webPush.enabled ? (await loadVapidKeys(db, config, cipher)).publicKey : null,
    pushDevices: devices.map((d) => ({ id: d.id, device: d.device, createdAt: d.created_at.toISOString() })),
  }
}

/** Stores the person's choices; a kind the account cannot choose for, or a digest by SMS or push, is refused and nothing changes. */
export async function changeNotificationSettings(deps: Deps, accountId: string, change: NotificationSettingsChange, now: Date): Promise<NotificationSettings> {
  const account = await findAccountForSettings(deps.db, accountId)
  if (!account) throw notFound('account')
  const kinds = new Set(kindsFor(account.kind))
  for (const preference of change.preferences) {
    if (!kinds.has(preference.kind)) throw validationFailed(`kind ${preference.kind}`)
    if (preference.mode === 'digest' && preference.channel !== 'email') throw validationFailed('digest is e-mail only')
  }
  await upsertPreferences(deps.db, accountId, change.preferences, now)
  return getNotificationSettings(deps, accountId)
}

/**
 * This browser's push subscription, stored for the account. Only https push services, except a
 * loopback address outside production (a local push service in tests and development).
 */
export async function addPushSubscription(deps: Deps, accountId: string, subscription: PushSubscriptionRequest, device: string, now: Date): Promise<NotificationSettings> {
  if (!deps.config.webPush.enabled) throw conflict('web push is off')
  const url = new URL(subscription.endpoint)
  const loopback = url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost') && deps.config.env !== 'production'
  if (url.protocol !== 'https:' && !loopback) throw validationFailed('endpoint')
  await savePushSubscription(deps.db, deps.cipher, { accountId, subscription, device }, now)
  return getNotificationSettings(deps, accountId)
}

export async function removePushSubscription(deps: Deps, accountId: string, id: string): Promise<NotificationSettings> {
  if (!(await deletePushSubscription(deps.db, accountId, id))) throw notFound('push subscription')
  return getNotificationSettings(deps, accountId)
}
