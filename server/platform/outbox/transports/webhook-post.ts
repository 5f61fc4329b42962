import { DeliveryError, describeFetchFailure, HTTP_TIMEOUT_MS, type WebhookTransport } from './transport.ts'

/**
 * Delivers webhook messages (FHIR subscription notifications) as a JSON POST. A 2xx answer is
 * delivered; 408, 429 and 5xx (and no answer) are retried by the outbox; another 4xx is the
 * receiver refusing the message, which retrying cannot change. The URL, the headers and the
 * answer's body are never put into an error: they may hold a credential.
 */
export function createWebhookPostTransport(options: { timeoutMs?: number } = {}): WebhookTransport {
  const timeoutMs = options.timeoutMs ?? HTTP_TIMEOUT_MS
  return {
    name: 'webhook',
    async sendWebhook(message) {
      let response: Response
      try {
        response = await fetch(message.url, {
          method: 'POST',
          headers: message.headers,
          body: message.body,
          redirect: 'error',
          signal: AbortSignal.timeout(timeoutMs),
        })
      } catch (error) {
        throw describeFetchFailure(error, timeoutMs)
      }
      await response.body?.cancel()
      if (response.ok) return
      const retry = response.status === 408 || response.status === 429 || response.status >= 500
      throw new DeliveryError(`receiver answered ${response.status}`, { permanent: !retry })
    },
  }
}
