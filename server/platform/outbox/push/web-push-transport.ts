import webPush from 'web-push'
import { DeliveryError, describeFetchFailure, HTTP_TIMEOUT_MS, type PushTransport } from '../transports/transport.ts'
import type { VapidKeys } from './vapid-keys.ts'

/**
 * The whole payload of every push message: no kind, no name, no text. The service worker
 * (web/public/sw.js) shows one fixed sentence and opens the portal; what is new is read after
 * logging in. Encrypted anyway (RFC 8291), because the push protocol requires a payload to be.
 */
export const PUSH_PAYLOAD = JSON.stringify({ v: 1 })

/** How long a push service keeps an undelivered message for an offline device. */
const PUSH_TTL_SECONDS = 24 * 60 * 60

/**
 * Web Push (RFC 8030) with VAPID (RFC 8292) and aes128gcm payload encryption (RFC 8291): the
 * `web-push` library builds the encrypted body and the signed headers; the request itself goes
 * through fetch, with the timeout and error reduction of the other HTTP transports. 404 and 410
 * mean the browser dropped the subscription: permanent, and the worker forgets the subscription.
 */
export function createWebPushTransport(options: { vapid: () => Promise<VapidKeys>; subject: string; timeoutMs?: number }): PushTransport {
  const timeoutMs = options.timeoutMs ?? HTTP_TIMEOUT_MS
  return {
    name: 'web-push',
    async sendPush(message) {
      const keys = await options.vapid()
      const details = webPush.generateRequestDetails(message.subscription, PUSH_PAYLOAD, {
        vapidDetails: { subject: options.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
        TTL: PUSH_TTL_SECONDS,
        urgency: 'normal',
        contentEncoding: 'aes128gcm',
      })
      let response: Response
      try {
        response = await fetch(details.endpoint, {
          method: details.method,
          headers: details.headers as Record<string, string>,
          body: details.body ? new Uint8Array(details.body) : null,
          redirect: 'error',
          signal: AbortSignal.timeout(timeoutMs),
        })
        await response.arrayBuffer()
      } catch (error) {
        throw describeFetchFailure(error, timeoutMs)
      }
      if (response.status >= 200 && response.status <= 299) return
      const retryable = response.status === 429 || response.status >= 500
      throw new DeliveryError(`push service answered HTTP ${response.status}`, { permanent: !retryable })
    },
  }
}
