import { NOTIFICATION_CHANNELS, type NotificationChannel, type NotificationKind, type NotificationMode } from '../../../shared/schemas/notifications.ts'
import { getBranding } from '../../organisation/settings/organisation.service.ts'
import type { Db } from '../../platform/db/database.ts'
import { renderEmail } from '../../platform/outbox/email-layout.ts'
import { outboxSecretsOf } from '../../platform/outbox/outbox-secrets.ts'
import { enqueueEmail, enqueuePush, enqueueSms } from '../../platform/outbox/outbox.service.ts'
import { findPushSubscriptions } from '../../platform/outbox/push/push-subscription.repository.ts'
import { defaultMode } from './notification-defaults.ts'
import {
  countPushSubscriptions, findAccountRecipient, findEvvRecipients, findLinkedRecipients, findPreferences, findTeamRecipients, insertDigestItem, insertSent,
  type Recipient, toldSince, toldSinceLastRead,
} from './notification.repository.ts'
import { NOTICE_TEXTS } from './notification-texts.ts'

const E164 = /^\+[1-9]\d{7,14}$/
/** "Someone read my record": at most one notice per client and channel in this period. */
export const RECORD_READ_QUIET_MS = 24 * 60 * 60_000

export interface Notice {
  kind: NotificationKind
  /** The client the news is about: never named in the notice, used for "until read" and throttling. */
  clientId: string | null
  /** PUBLIC_BASE_URL: the only link in a notice. */
  portalUrl: string
}

type Route = { channel: NotificationChannel; mode: Exclude<NotificationMode, 'off'> }

/** Per recipient, the channels their preferences (or the defaults) switch on and that can reach them. */
async function routesOf(db: Db, recipients: readonly Recipient[], kind: NotificationKind): Promise<Map<string, Route[]>> {
  const ids = recipients.map((r) => r.account_id)
  const chosen = new Map((await findPreferences(db, ids)).map((p) => [`${p.account_id}/${p.kind}/${p.channel}`, p.mode]))
  const withPush = new Set((await countPushSubscriptions(db, ids)).filter((row) => Number(row.count) > 0).map((row) => row.account_id))
  const routes = new Map<string, Route[]>()
  for (const recipient of recipients) {
    const reachable: Record<NotificationChannel, boolean> = {
      email: recipient.email.includes('@'),
      sms: recipient.mobile_phone !== null && E164.test(recipient.mobile_phone),
      push: withPush.has(recipient.account_id),
    }
    const list: Route[] = []
    for (const channel of NOTIFICATION_CHANNELS) {
      const mode = chosen.get(`${recipient.account_id}/${kind}/${channel}`) ?? defaultMode(recipient.kind, kind, channel)
      if (mode !== 'off' && reachable[channel]) list.push({ channel, mode })
    }
    routes.set(recipient.account_id, list)
  }
  return routes
}

/**
 * Queues the notices in the caller's transaction, so they exist exactly when the news does.
 * Per recipient and channel: off, straight into the outbox, or onto the daily digest. A
 * conversation ("message") is announced once until the recipient has read it ("until read",
 * checked in the database now); "record read" at most once a day per client and channel.
 * Returns how many people were told or had it put on their digest.
 */
export async function notifyRecipients(db: Db, recipients: readonly Recipient[], notice: Notice, now: Date): Promise<number> {
  const unique = [...new Map(recipients.map((r) => [r.account_id, r])).values()]
  if (unique.length === 0) return 0
  const routes = await routesOf(db, unique, notice.kind)
  const text = NOTICE_TEXTS[notice.kind]
  const branding = await getBranding(db)
  let told = 0
  for (const recipient of unique) {
    let reached = false
    for (const route of routes.get(recipient.account_id) ?? []) {
      if (route.mode === 'digest') {
        await insertDigestItem(db, recipient.account_id, notice.kind, now)
        reached = true
        continue
      }
      if (notice.clientId && notice.kind === 'message' && (await toldSinceLastRead(db, recipient, notice.clientId, route.channel))) continue
      if (notice.clientId && notice.kind === 'record_read' && (await toldSince(db, recipient.account_id, notice.clientId, 'record_read', route.channel, new Date(now.getTime() - RECORD_READ_QUIET_MS)))) continue
      if (route.channel === 'email') {
        const email = renderEmail(branding, {
          greeting: `Beste ${recipient.display_name},`,
          paragraphs: [text.line, 'Log in op het portaal om het te lezen.'],
          action: { label: 'Naar het cliëntportaal', url: notice.portalUrl },
        })
        await enqueueEmail(db, { to: recipient.email, subject: text.subject, ...email }, now)
      } else if (route.channel === 'sms' && recipient.mobile_phone) {
        await enqueueSms(db, { to: recipient.mobile_phone, text: `${text.line} Log in op ${notice.portalUrl}` }, now)
      } else if (route.channel === 'push') {
        for (const subscription of await findPushSubscriptions(db, outboxSecretsOf(db).cipher, recipient.account_id)) {
          await enqueuePush(db, { subscriptionId: subscription.id, subscription: subscription.subscription }, now)
        }
      }
      await insertSent(db, { account_id: recipient.account_id, client_id: notice.clientId, kind: notice.kind, channel: route.channel }, now)
      reached = true
    }
    if (reached) told += 1
  }
  return told
}

/** Who wrote the message: never told of their own message. */
export type MessageSender = { accountId: string } | { staffMemberId: string }

/**
 * The care team to tell of a message from a client or relative: the EVV-er when their
 * preferences reach them on some channel; otherwise every caregiver of the client's team(s),
 * each by their own preferences. So a message never waits unseen because the EVV-er has no
 * e-mail address (or switched e-mail off).
 */
export async function careTeamToTell(db: Db, clientId: string, today: string): Promise<Recipient[]> {
  const evv = await findEvvRecipients(db, clientId, today)
  const evvRoutes = await routesOf(db, evv, 'message')
  const reachableEvv = evv.filter((r) => (evvRoutes.get(r.account_id) ?? []).length > 0)
  if (reachableEvv.length > 0) return reachableEvv
  return findTeamRecipients(db, clientId, today)
}

/**
 * A new message in a client's conversation: the linked accounts that use messages, and the care
 * team (a relative wrote: the EVV-er, else the team; a staff member wrote: the EVV-er), never
 * the writer. Nothing of the message, nor the client's name, is in the notice.
 */
export async function notifyNewMessage(db: Db, input: { clientId: string; sender: MessageSender; portalUrl: string; today: string }, now: Date): Promise<number> {
  const linked = await findLinkedRecipients(db, input.clientId, 'may_use_messages', now)
  const staff = 'accountId' in input.sender ? await careTeamToTell(db, input.clientId, input.today) : await findEvvRecipients(db, input.clientId, input.today)
  const senderAccount = 'accountId' in input.sender ? input.sender.accountId : null
  const senderStaff = 'staffMemberId' in input.sender ? input.sender.staffMemberId : null
  const recipients = [...linked, ...staff].filter((r) => r.account_id !== senderAccount && (senderStaff === null || r.staff_member_id !== senderStaff))
  return notifyRecipients(db, recipients, { kind: 'message', clientId: input.clientId, portalUrl: input.portalUrl }, now)
}

const PERMISSION = { report: 'may_read_reports', appointment: 'may_use_appointments', care_plan_print: 'may_read_care_plan' } as const

/**
 * A new visible report, an appointment added, changed or cancelled, a new care-plan print: the
 * linked accounts allowed to see that part of the record, except the one who made the change.
 */
export async function notifyRecordChange(
  db: Db, input: { kind: keyof typeof PERMISSION; clientId: string; portalUrl: string; exceptAccountId?: string | null }, now: Date,
): Promise<number> {
  const recipients = (await findLinkedRecipients(db, input.clientId, PERMISSION[input.kind], now)).filter((r) => r.account_id !== input.exceptAccountId)
  return notifyRecipients(db, recipients, { kind: input.kind, clientId: input.clientId, portalUrl: input.portalUrl }, now)
}

/**
 * A change in who has access to a client's record: a link made or ended (administrators), or a
 * grant given or withdrawn ("Iemand toegang geven"). Tells every account linked to the client
 * now and the account whose access changed (also when it just ended), unless that account is
 * told by the change's own e-mail. Call it in the transaction that makes the change.
 */
export async function notifyAccessChanged(
  db: Db, input: { clientId: string; changedAccountId: string; portalUrl: string; changedAccountToldOtherwise?: boolean }, now: Date,
): Promise<number> {
  // A grantee gets the invitation and the "access ended" e-mail of the grant itself, not this notice as well.
  const linked = (await findLinkedRecipients(db, input.clientId, null, now)).filter((r) => !input.changedAccountToldOtherwise || r.account_id !== input.changedAccountId)
  const changed = input.changedAccountToldOtherwise ? undefined : await findAccountRecipient(db, input.changedAccountId)
  const recipients = changed && changed.kind === 'portal' ? [...linked, changed] : linked
  return notifyRecipients(db, recipients, { kind: 'access_change', clientId: input.clientId, portalUrl: input.portalUrl }, now)
}
