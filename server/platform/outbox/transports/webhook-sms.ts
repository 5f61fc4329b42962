import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Clock } from '../../clock.ts'
import { DeliveryError, describeFetchFailure, HTTP_TIMEOUT_MS, type SmsTransport } from './transport.ts'

export const SIGNATURE_HEADER = 'x-signature'
export const TIMESTAMP_HEADER = 'x-signature-timestamp'

/**
 * SMS through your own gateway: POST {"id","to","text"} as JSON to SMS_WEBHOOK_URL.
 * Signed with HMAC-SHA256 over "<timestamp>.<raw body>" (SMS_WEBHOOK_SECRET); the timestamp
 * is in the signature so a captured request cannot be replayed later. Any 2xx = accepted.
 * `id` (also in Idempotency-Key) is the outbox id: the same on every attempt, for deduplication.
 */
export function createWebhookSmsTransport(options: {
  url: string
  secret: string
  clock: Clock
  timeoutMs?: number
}): SmsTransport {
  const timeoutMs = options.timeoutMs ?? HTTP_TIMEOUT_MS
  return {
    name: 'webhook',
    async sendSms(message) {
      const body = JSON.stringify({ id: message.id, to: message.to, text: message.text })
      const timestamp = String(Math.floor(options.clock().getTime() / 1000))
      let response: Response
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': `outbox-${message.id}`,
            [TIMESTAMP_HEADER]: timestamp,
            [SIGNATURE_HEADER]: signWebhookBody(options.secret, timestamp, body),
          },
          body,
          redirect: 'error',
          signal: AbortSignal.timeout(timeoutMs),
        })
        // The answer's body is not needed; reading it frees the connection.
        await response.arrayBuffer()
      } catch (error) {
        throw describeFetchFailure(error, timeoutMs)
      }
      if (response.status < 200 || response.status > 299) {
        throw new DeliveryError(`SMS webhook answered HTTP ${response.status}`)
      }
    },
  }
}

/** "sha256=<hex>" over "<timestamp>.<raw body>". */
export function signWebhookBody(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`
}

/**
 * For the receiving side (and our tests): true when the signature matches this exact raw body
 * and timestamp, and the timestamp is within `toleranceSeconds` of `now`.
 */
export function verifyWebhookSignature(input: {
  secret: string
  rawBody: string
  timestamp: string | undefined
  signature: string | undefined
  now: Date
  toleranceSeconds?: number
}): boolean {
  if (!input.timestamp || !input.signature || !/^\d{1,12}$/.test(input.timestamp)) return false
  const age = Math.abs(input.now.getTime() / 1000 - Number(input.timestamp))
  if (age > (input.toleranceSeconds ?? 300)) return false
  const expected = Buffer.from(signWebhookBody(input.secret, input.timestamp, input.rawBody))
  const given = Buffer.from(input.signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
