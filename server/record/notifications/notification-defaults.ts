import type { NotificationChannel, NotificationKind, NotificationMode } from '../../../shared/schemas/notifications.ts'

/**
 * What a person gets before choosing anything (docs/decisions/notifications.md): e-mail at once
 * for what asks for an answer or a change of plans (messages, appointments) and for changes in
 * who has access (a safety matter); new reports, which come daily, in one e-mail a day; a new
 * care-plan print (rare) at once; "someone read my record" off. SMS is off everywhere (it costs
 * money and reaches a phone's lock screen). Push is on for messages and appointments, but only
 * reaches a browser the person subscribed with a click.
 */
const PORTAL_DEFAULTS: Record<NotificationKind, Record<NotificationChannel, NotificationMode>> = {
  message: { email: 'immediate', sms: 'off', push: 'immediate' },
  report: { email: 'digest', sms: 'off', push: 'off' },
  appointment: { email: 'immediate', sms: 'off', push: 'immediate' },
  care_plan_print: { email: 'immediate', sms: 'off', push: 'off' },
  access_change: { email: 'immediate', sms: 'off', push: 'off' },
  record_read: { email: 'off', sms: 'off', push: 'off' },
}

/** Staff choose only for messages from clients and relatives: e-mail at once (until read), as the Berichten page promises. */
const STAFF_DEFAULTS: Partial<Record<NotificationKind, Record<NotificationChannel, NotificationMode>>> = {
  message: { email: 'immediate', sms: 'off', push: 'off' },
}

export type AccountKind = 'portal' | 'staff'

export function kindsFor(accountKind: AccountKind): NotificationKind[] {
  return Object.keys(accountKind === 'staff' ? STAFF_DEFAULTS : PORTAL_DEFAULTS) as NotificationKind[]
}

/** The default for this kind and channel; 'off' for a kind the account cannot choose. */
export function defaultMode(accountKind: AccountKind, kind: NotificationKind, channel: NotificationChannel): NotificationMode {
  const table = accountKind === 'staff' ? STAFF_DEFAULTS : PORTAL_DEFAULTS
  return table[kind]?.[channel] ?? 'off'
}
