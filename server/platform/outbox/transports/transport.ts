/** What the worker hands a transport: the outbox id travels along so providers can deduplicate. */
export interface OutgoingEmail {
  id: string
  to: string
  subject: string
  text: string
  html: string | null
  /** When the message was queued; with the id it makes a Message-ID that is the same on every attempt. */
  createdAt: Date
}

export interface OutgoingSms {
  id: string
  to: string
  text: string
}

/** Resolves once the provider has accepted the message; throws DeliveryError (or anything) otherwise. */
export interface EmailTransport {
  readonly name: string
  sendEmail(message: OutgoingEmail): Promise<void>
  close?(): Promise<void> | void
}

export interface SmsTransport {
  readonly name: string
  sendSms(message: OutgoingSms): Promise<void>
  close?(): Promise<void> | void
}

/**
 * A JSON POST to a receiver's endpoint (a FHIR subscription's rest-hook): URL, headers and body
 * all come from the message's encrypted payload, as the endpoint and its credential are secrets.
 */
export interface OutgoingWebhook {
  id: string
  url: string
  headers: Record<string, string>
  body: string
}

export interface WebhookTransport {
  readonly name: string
  sendWebhook(message: OutgoingWebhook): Promise<void>
  close?(): Promise<void> | void
}

export interface Transports {
  email: EmailTransport
  sms: SmsTransport
  /** Without it the worker leaves webhook messages waiting (an instance that should not call out). */
  webhook?: WebhookTransport
}

/**
 * A failed send, described in a few words fit for the database and the log: a status code or
 * an error code, never a provider's full answer (which may echo the message or a credential).
 * `permanent` means retrying cannot help (the provider refused the recipient).
 */
export class DeliveryError extends Error {
  readonly permanent: boolean
  constructor(message: string, options: { permanent?: boolean } = {}) {
    super(message)
    this.name = 'DeliveryError'
    this.permanent = options.permanent ?? false
  }
}

/** How long one HTTP call to a provider may take; well inside the worker's lease. */
export const HTTP_TIMEOUT_MS = 15_000

/** Turns a fetch failure into a short DeliveryError: timeouts and network errors by code only. */
export function describeFetchFailure(error: unknown, timeoutMs: number): DeliveryError {
  if (error instanceof DeliveryError) return error
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new DeliveryError(`no answer within ${timeoutMs} ms`)
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined
  const code = typeof cause?.code === 'string' ? cause.code : 'network error'
  return new DeliveryError(`request failed: ${code}`)
}
