import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/schema.ts'
import { claimNextDueMessage, failExhaustedExpiredClaims, markAttemptFailed, markMessageSent } from './outbox.repository.ts'
import { DeliveryError, type Transports } from './transports/transport.ts'

export type OutboxLog = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>

/** Wait after the 1st, 2nd, ... failed attempt. After the last one the message is given up. */
export const RETRY_DELAYS_MS = [10_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000]
/** 8 attempts over about 3 h 40 min, then status 'failed'. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1
/**
 * How long a claimed message is reserved for its worker. Far longer than any one send may
 * take (HTTP 15 s, each SMTP wait 30 s), so a live worker never loses its claim mid-send;
 * short enough that a crashed worker's message is retried within minutes.
 */
export const LEASE_MS = 5 * 60_000

/** Wait before the next attempt after `attempts` failed ones; null when there is none. */
export function retryDelayMs(attempts: number, maxAttempts = MAX_ATTEMPTS): number | null {
  if (attempts >= maxAttempts) return null
  return RETRY_DELAYS_MS[Math.min(attempts, RETRY_DELAYS_MS.length) - 1] ?? RETRY_DELAYS_MS[0] ?? 10_000
}

export interface DeliverOptions {
  clock: Clock
  transports: Transports
  log: OutboxLog
  /** At most this many messages in this call. */
  batchSize: number
  maxAttempts?: number
  leaseMs?: number
  /** Stops claiming further messages once aborted (the worker is shutting down). */
  signal?: AbortSignal
}

type ClaimedMessage = NonNullable<Awaited<ReturnType<typeof claimNextDueMessage>>>

/**
 * Delivers what is due, one message at a time: claim (one short statement, FOR UPDATE SKIP
 * LOCKED), send with no transaction open, record the outcome only if the claim is still ours.
 * Safe to run concurrently from several processes on one database. Returns how many messages
 * it attempted (sent or failed), so a caller can keep going while full batches come back.
 */
export async function deliverDueMessages(db: Kysely<Database>, options: DeliverOptions): Promise<number> {
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS
  const leaseMs = options.leaseMs ?? LEASE_MS
  const givenUp = await failExhaustedExpiredClaims(db, options.clock(), maxAttempts)
  if (givenUp > 0) options.log.warn({ count: givenUp }, 'outbox: gave up on messages whose last attempt never reported back')

  let attempted = 0
  while (attempted < options.batchSize && !options.signal?.aborted) {
    const now = options.clock()
    const claimToken = randomUUID()
    const message = await claimNextDueMessage(db, {
      now,
      leaseUntil: new Date(now.getTime() + leaseMs),
      claimToken,
      channels: options.transports.webhook ? ['email', 'sms', 'webhook'] : ['email', 'sms'],
      maxAttempts,
    })
    if (!message) break
    attempted += 1
    await deliverClaimed(db, message, claimToken, { ...options, maxAttempts })
  }
  return attempted
}

async function deliverClaimed(
  db: Kysely<Database>,
  message: ClaimedMessage,
  claimToken: string,
  options: DeliverOptions & { maxAttempts: number },
): Promise<void> {
  const { log, clock } = options
  // Only identifiers in the log: the body holds links and codes, the recipient is personal data.
  const about = { outboxId: message.id, channel: message.channel, attempt: message.attempts }
  try {
    await send(message, options.transports)
  } catch (error) {
    const failure = toDeliveryError(error)
    const delay = failure.permanent ? null : retryDelayMs(message.attempts, options.maxAttempts)
    const retryAt = delay === null ? null : new Date(clock().getTime() + delay)
    const recorded = await markAttemptFailed(db, { id: message.id, claimToken, error: failure.message, retryAt })
    if (!recorded) log.warn(about, 'outbox: claim lost before the failure was recorded')
    else if (retryAt) log.warn({ ...about, reason: failure.message, retryAt }, 'outbox: send failed, will retry')
    else log.error({ ...about, reason: failure.message }, 'outbox: send failed, giving up')
    return
  }
  await recordSent(db, message, claimToken, options)
  log.info(about, 'outbox: sent')
}

/**
 * The provider has the message now: the at-least-once window is open until this commits. So a
 * database hiccup (PostgreSQL restarting) is retried here for a few seconds before giving up,
 * after which the lease runs out and the message is sent again.
 */
async function recordSent(db: Kysely<Database>, message: ClaimedMessage, claimToken: string, options: DeliverOptions) {
  const about = { outboxId: message.id, channel: message.channel, attempt: message.attempts }
  for (const pauseMs of [0, 500, 2_000, 5_000]) {
    if (pauseMs > 0) await sleep(pauseMs)
    try {
      const recorded = await markMessageSent(db, message.id, claimToken, options.clock())
      if (!recorded) options.log.warn(about, 'outbox: claim lost before the send was recorded; the message may go out twice')
      return
    } catch (error) {
      options.log.warn({ ...about, reason: shortReason(error) }, 'outbox: could not record a sent message yet')
    }
  }
  options.log.error(about, 'outbox: sent but not recorded; it will be sent again when its lease ends')
  throw new Error('outbox: could not record a sent message')
}

function send(message: ClaimedMessage, transports: Transports): Promise<void> {
  switch (message.channel) {
    case 'email':
      return transports.email.sendEmail({
        id: message.id,
        to: message.recipient,
        subject: message.subject,
        text: message.body_text,
        html: message.body_html,
        createdAt: message.created_at,
      })
    case 'sms':
      return transports.sms.sendSms({ id: message.id, to: message.recipient, text: message.body_text })
    case 'webhook': {
      if (!transports.webhook) return Promise.reject(new DeliveryError('no webhook transport'))
      const request = JSON.parse(message.body_text) as { url: string; headers: Record<string, string>; body: string }
      return transports.webhook.sendWebhook({ id: message.id, ...request })
    }
    default:
      return Promise.reject(new DeliveryError(`no transport for channel ${message.channel}`))
  }
}

/** Transports throw DeliveryError with a safe text; anything else is reduced to its name and code. */
function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return new DeliveryError(error.message.slice(0, 200), { permanent: error.permanent })
  return new DeliveryError(`unexpected ${shortReason(error)}`)
}

function shortReason(error: unknown): string {
  if (!(error instanceof Error)) return 'error'
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' ? `${error.name} ${code}` : error.name
}

/** The longest pause between polls while the database is away: recovery is noticed within this. */
export const MAX_OUTAGE_POLL_MS = 2_000

/**
 * The pause before the next poll: the configured interval, doubled after each failed round in a
 * row (an unreachable database is not hammered), but never beyond MAX_OUTAGE_POLL_MS (or the
 * interval itself, if that is longer), so delivery resumes within seconds once it is back.
 */
export function pollDelayMs(pollIntervalMs: number, failedRounds: number): number {
  if (failedRounds === 0) return pollIntervalMs
  return Math.min(pollIntervalMs * 2 ** Math.min(failedRounds, 16), Math.max(pollIntervalMs, MAX_OUTAGE_POLL_MS))
}

export interface OutboxWorker {
  /** Stops claiming, waits for the message in hand to finish. */
  stop(): Promise<void>
}

/**
 * Polls every `pollIntervalMs` and delivers what is due, draining full batches at once.
 * One worker per app instance; instances sharing a PostgreSQL database split the work.
 */
export function startOutboxWorker(options: {
  db: Kysely<Database>
  clock: Clock
  log: OutboxLog
  transports: Transports
  pollIntervalMs: number
  batchSize?: number
  /** Work that queues messages on a schedule (FHIR subscription heartbeats), run before each round. */
  beforeRound?: (now: Date) => Promise<void>
}): OutboxWorker {
  const batchSize = options.batchSize ?? 10
  const stopping = new AbortController()
  let timer: NodeJS.Timeout | undefined
  let round: Promise<void> = Promise.resolve()
  /** Rounds failed in a row: the database is away (restart, failover) while this is above 0. */
  let failedRounds = 0

  const runRound = async () => {
    try {
      await options.beforeRound?.(options.clock())
      const deliver = { ...options, batchSize, signal: stopping.signal }
      while (!stopping.signal.aborted && (await deliverDueMessages(options.db, deliver)) === batchSize) {
        // A full batch: more may be waiting, so go on without sleeping.
      }
      if (failedRounds > 0) options.log.info({ failedRounds }, 'outbox: delivering again')
      failedRounds = 0
    } catch (error) {
      // The database is away or a record step failed: try again later. Said once per outage,
      // not once per poll, so a restart does not flood the log.
      failedRounds += 1
      if (failedRounds === 1) options.log.error({ reason: shortReason(error) }, 'outbox: delivery round failed; retrying until it works')
      else options.log.debug({ reason: shortReason(error), failedRounds }, 'outbox: delivery round failed again')
    }
  }
  const scheduleNext = () => {
    if (stopping.signal.aborted) return
    timer = setTimeout(() => {
      round = runRound()
        .catch(() => {})
        .finally(scheduleNext)
    }, pollDelayMs(options.pollIntervalMs, failedRounds))
  }
  round = runRound()
    .catch(() => {})
    .finally(scheduleNext)

  return {
    async stop() {
      stopping.abort()
      clearTimeout(timer)
      await round
    },
  }
}
