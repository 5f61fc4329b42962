import { Type, type Static } from 'typebox'

/**
 * "Meldingen" in Mijn profiel: per kind of news and per channel, how the person hears of it.
 * A notification never carries record content: only that there is something new, and a link
 * to the portal (docs/decisions/notifications.md).
 */

export const NOTIFICATION_KINDS = ['message', 'report', 'appointment', 'care_plan_print', 'access_change', 'record_read'] as const
export const NotificationKind = Type.Union([
  Type.Literal('message'), Type.Literal('report'), Type.Literal('appointment'), Type.Literal('care_plan_print'), Type.Literal('access_change'), Type.Literal('record_read'),
])
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

export const NOTIFICATION_CHANNELS = ['email', 'sms', 'push'] as const
export const NotificationChannel = Type.Union([Type.Literal('email'), Type.Literal('sms'), Type.Literal('push')])
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number]

/** off; immediate: at once; digest: in one e-mail a day (e-mail only). */
export const NotificationMode = Type.Union([Type.Literal('off'), Type.Literal('immediate'), Type.Literal('digest')])
export type NotificationMode = Static<typeof NotificationMode>

export const NotificationPreference = Type.Object({ kind: NotificationKind, channel: NotificationChannel, mode: NotificationMode }, { additionalProperties: false })
export type NotificationPreference = Static<typeof NotificationPreference>

export const PushDevice = Type.Object({ id: Type.String({ format: 'uuid' }), device: Type.String(), createdAt: Type.String({ format: 'date-time' }) })
export type PushDevice = Static<typeof PushDevice>

export const NotificationSettings = Type.Object({
  /** The kinds this account can choose for (staff: only messages), each with every channel. */
  preferences: Type.Array(NotificationPreference),
  /** Whether the channel can reach the person now: an e-mail address, a mobile number, a push subscription. */
  reachable: Type.Object({ email: Type.Boolean(), sms: Type.Boolean(), push: Type.Boolean() }),
  /** The VAPID public key (base64url) for PushManager.subscribe; null when web push is off. */
  pushPublicKey: Type.Union([Type.String(), Type.Null()]),
  pushDevices: Type.Array(PushDevice),
})
export type NotificationSettings = Static<typeof NotificationSettings>

export const NotificationSettingsChange = Type.Object(
  { preferences: Type.Array(NotificationPreference, { minItems: 1, maxItems: NOTIFICATION_KINDS.length * NOTIFICATION_CHANNELS.length }) },
  { additionalProperties: false },
)
export type NotificationSettingsChange = Static<typeof NotificationSettingsChange>

const Base64Url = Type.String({ pattern: '^[A-Za-z0-9_-]+={0,2}$', minLength: 16, maxLength: 200 })

/** What PushSubscription.toJSON() gives; the endpoint must be https (the push service of the browser). */
export const PushSubscriptionRequest = Type.Object(
  {
    endpoint: Type.String({ pattern: '^https?://', maxLength: 2000 }),
    expirationTime: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
    keys: Type.Object({ p256dh: Base64Url, auth: Base64Url }, { additionalProperties: false }),
  },
  { additionalProperties: false },
)
export type PushSubscriptionRequest = Static<typeof PushSubscriptionRequest>
