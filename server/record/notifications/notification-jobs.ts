import { randomUUID } from 'node:crypto'
import type { Logger } from 'pino'
import { NOTIFICATION_KINDS } from '../../../shared/schemas/notifications.ts'
import { getBranding } from '../../organisation/settings/organisation.service.ts'
import { addDays, amsterdamDate, amsterdamInstant } from '../../platform/amsterdam-time.ts'
import type { Clock } from '../../platform/clock.ts'
import type { Db } from '../../platform/db/database.ts'
import { renderEmail } from '../../platform/outbox/email-layout.ts'
import { enqueueEmail } from '../../platform/outbox/outbox.service.ts'
import {
  claimJob, findAccountRecipient, findDigestAccounts, findLinkedRecipients, findRecordReads, finishJob, lastAccessLogIdBefore, takeDigestItems,
} from './notification.repository.ts'
import { notifyRecipients } from './notification.service.ts'
import { DIGEST_SUBJECT, NOTICE_TEXTS } from './notification-texts.ts'

/** The daily digest goes out at this Amsterdam time. */
export const DIGEST_TIME = '07:00'
/** A job holds its lease this long; a crashed instance's run is taken over after it. */
const LEASE_MS = 10 * 60_000
/** Access-log rows younger than this wait for the next run: their transaction may still be open. */
const SETTLE_MS = 60_000
/** The "record read" job runs this often. */
const RECORD_READ_INTERVAL_MS = 5 * 60_000
const BATCH = 500

export interface JobOptions {
  portalUrl: string
}

/** The next DIGEST_TIME in Amsterdam after `now`. */
export function nextDigestAt(now: Date): Date {
  const today = amsterdamInstant(amsterdamDate(now), DIGEST_TIME)
  return today > now ? today : amsterdamInstant(addDays(amsterdamDate(now), 1), DIGEST_TIME)
}

/**
 * The daily digest: one e-mail per person with what waited for it, counted per kind, nothing
 * else. Runs on one instance at a time (the job's lease); each person's items are taken (deleted)
 * and their e-mail queued in one transaction, so a crash or a second instance never sends twice.
 * Returns the number of e-mails queued, or null when the job was not due or held elsewhere.
 */
export async function runDigest(db: Db, now: Date, options: JobOptions): Promise<number | null> {
  const token = randomUUID()
  if (!(await claimJob(db, 'digest', token, now, new Date(now.getTime() + LEASE_MS)))) return null
  let sent = 0
  for (;;) {
    const accounts = await findDigestAccounts(db, BATCH)
    for (const { account_id } of accounts) {
      sent += await db.transaction().execute(async (trx) => {
        const items = await takeDigestItems(trx, account_id)
        const recipient = await findAccountRecipient(trx, account_id)
        if (items.length === 0 || !recipient || !recipient.email.includes('@')) return 0
        const lines = NOTIFICATION_KINDS.map((kind) => ({ kind, count: items.filter((item) => item.kind === kind).length }))
          .filter((line) => line.count > 0)
          .map((line) => `- ${NOTICE_TEXTS[line.kind].digestLabel(line.count)}`)
        const email = renderEmail(await getBranding(trx), {
          greeting: `Beste ${recipient.display_name},`,
          paragraphs: ['Sinds het vorige overzicht is er nieuws voor u in het cliëntportaal:', lines.join('\n'), 'Log in op het portaal om het te lezen.'],
          action: { label: 'Naar het cliëntportaal', url: options.portalUrl },
        })
        await enqueueEmail(trx, { to: recipient.email, subject: DIGEST_SUBJECT, ...email }, now)
        return 1
      })
    }
    if (accounts.length < BATCH) break
  }
  await finishJob(db, 'digest', token, { dueAt: nextDigestAt(now) })
  return sent
}

/**
 * "Someone read my record" (opt-in): reads the access log since the last run (never changes
 * it) and tells each linked account that chose it when a staff member or another linked person
 * read the client's record. Throttled to one notice per client and channel a day
 * (RECORD_READ_QUIET_MS). Returns the number of people told, or null when not due or held elsewhere.
 */
export async function runRecordReadNotices(db: Db, now: Date, options: JobOptions): Promise<number | null> {
  const token = randomUUID()
  const job = await claimJob(db, 'record_read', token, now, new Date(now.getTime() + LEASE_MS))
  if (!job) return null
  const before = new Date(now.getTime() - SETTLE_MS)
  let cursor = String(job.cursor_id)
  let told = 0
  for (;;) {
    const reads = await findRecordReads(db, cursor, before, BATCH)
    // Per client, who read it: every reader but the person themself triggers a notice.
    const readers = new Map<string, Set<string>>()
    for (const read of reads) {
      if (!read.client_id) continue
      const set = readers.get(read.client_id) ?? new Set<string>()
      set.add(read.actor_id ?? '')
      readers.set(read.client_id, set)
    }
    for (const [clientId, actorIds] of readers) {
      told += await db.transaction().execute(async (trx) => {
        const linked = await findLinkedRecipients(trx, clientId, null, now)
        const toTell = linked.filter((recipient) => [...actorIds].some((actor) => actor !== recipient.account_id))
        return notifyRecipients(trx, toTell, { kind: 'record_read', clientId, portalUrl: options.portalUrl }, now)
      })
    }
    if (reads.length < BATCH) break
    cursor = String(reads.at(-1)?.id ?? cursor)
  }
  cursor = await lastAccessLogIdBefore(db, cursor, before)
  await finishJob(db, 'record_read', token, { dueAt: new Date(now.getTime() + RECORD_READ_INTERVAL_MS), cursorId: cursor })
  return told
}

export interface NotificationJobs {
  stop(): Promise<void>
}

/**
 * Every instance polls; the job rows in the database decide which one runs (a lease), so the
 * digest goes out once however many instances there are.
 */
export function startNotificationJobs(options: { db: Db; clock: Clock; log: Pick<Logger, 'info' | 'warn'>; portalUrl: string; pollIntervalMs?: number }): NotificationJobs {
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  let running: Promise<void> = Promise.resolve()
  const round = async () => {
    try {
      const digests = await runDigest(options.db, options.clock(), options)
      if (digests !== null) options.log.info({ digests }, 'notifications: daily digest queued')
      await runRecordReadNotices(options.db, options.clock(), options)
    } catch (error) {
      options.log.warn({ reason: error instanceof Error ? error.name : 'error' }, 'notifications: job round failed; trying again later')
    }
  }
  const schedule = () => {
    if (stopped) return
    timer = setTimeout(() => {
      running = round().finally(schedule)
    }, options.pollIntervalMs ?? 60_000)
  }
  schedule()
  return {
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
