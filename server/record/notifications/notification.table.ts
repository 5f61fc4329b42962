import type { Generated } from 'kysely'
import type { NotificationChannel, NotificationKind, NotificationMode } from '../../../shared/schemas/notifications.ts'

/** A person's own choice for one kind and channel; without a row the default applies (notification-defaults.ts). */
export interface NotificationPreferenceTable {
  account_id: string
  kind: NotificationKind
  channel: NotificationChannel
  mode: NotificationMode
  updated_at: Generated<Date>
}

/** Something waiting for the person's daily digest e-mail: only its kind, never what it was about. */
export interface NotificationDigestItemTable {
  id: Generated<string>
  account_id: string
  kind: NotificationKind
  created_at: Generated<Date>
}

/** A notification that went out: for "until read" (messages) and the once-a-day "record read" notice. */
export interface NotificationSentTable {
  id: Generated<string>
  account_id: string
  client_id: string | null
  kind: NotificationKind
  channel: NotificationChannel
  created_at: Generated<Date>
}

/** One row per job (digest, record_read): when it is due, who holds it, and how far it read. */
export interface NotificationJobTable {
  name: 'digest' | 'record_read'
  due_at: Date
  lease_until: Date | null
  lease_token: string | null
  /** record_read: the last access_log id looked at. */
  cursor_id: Generated<string>
}
