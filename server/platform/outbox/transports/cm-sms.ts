import { DeliveryError, describeFetchFailure, HTTP_TIMEOUT_MS, type SmsTransport } from './transport.ts'

/** CM.com's error codes for a recipient that no retry will fix: invalid "to", invalid MSISDN. */
const INVALID_RECIPIENT_CODES = new Set([302, 303])

interface CmAnswer {
  errorCode?: unknown
  messages?: { status?: unknown; messageErrorCode?: unknown }[]
}

/**
 * SMS through CM.com's Business Messaging API (POST <CM_BASE_URL>/v1.0/message, JSON, product
 * token in the body). CM.com is a Dutch provider, common with Dutch care organisations.
 * `reference` carries the outbox id, the same on every attempt, so a retry of a message CM
 * already accepted can be recognised in CM's logs and delivery reports.
 */
export function createCmSmsTransport(options: {
  baseUrl: string
  productToken: string
  sender: string
  timeoutMs?: number
}): SmsTransport {
  const timeoutMs = options.timeoutMs ?? HTTP_TIMEOUT_MS
  const endpoint = `${options.baseUrl.replace(/\/+$/, '')}/v1.0/message`
  return {
    name: 'cm',
    async sendSms(message) {
      const body = {
        messages: {
          authentication: { producttoken: options.productToken },
          msg: [
            {
              allowedChannels: ['SMS'],
              from: options.sender,
              to: [{ number: toCmNumber(message.to) }],
              body: { type: 'auto', content: message.text },
              minimumNumberOfMessageParts: 1,
              maximumNumberOfMessageParts: 8,
              reference: message.id,
            },
          ],
        },
      }
      let response: Response
      let answer: CmAnswer | undefined
      try {
        response = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(body),
          redirect: 'error',
          signal: AbortSignal.timeout(timeoutMs),
        })
        answer = await response.json().then(
          (json: unknown) => (typeof json === 'object' && json !== null ? (json as CmAnswer) : undefined),
          () => undefined,
        )
      } catch (error) {
        throw describeFetchFailure(error, timeoutMs)
      }
      const errorCode = typeof answer?.errorCode === 'number' ? answer.errorCode : undefined
      const first = answer?.messages?.[0]
      const messageErrorCode = typeof first?.messageErrorCode === 'number' ? first.messageErrorCode : undefined
      const accepted = response.ok && errorCode === 0 && (first === undefined || first.status === 'Accepted')
      if (accepted) return

      const codes = [errorCode === undefined ? '' : `errorCode ${errorCode}`, messageErrorCode ? `messageErrorCode ${messageErrorCode}` : '']
        .filter(Boolean)
        .join(', ')
      const permanent = INVALID_RECIPIENT_CODES.has(messageErrorCode ?? -1) || INVALID_RECIPIENT_CODES.has(errorCode ?? -1)
      throw new DeliveryError(`CM.com answered HTTP ${response.status}${codes ? ` (${codes})` : ''}`, { permanent })
    },
  }
}

/** CM.com documents numbers as 00 + country code: +31612345678 → 0031612345678. */
function toCmNumber(e164: string): string {
  return e164.startsWith('+') ? `00${e164.slice(1)}` : e164
}
