import type { LoginChallenge } from '@shared/schemas/auth.ts'
import type { MessageKey } from '@/i18n/nl.ts'

export type Method = LoginChallenge['methods'][number]

/**
 * What the browser can tell about a code before sending it: SMS and app codes are six
 * digits (an SMS code may be typed whole, "3140-583920", the server keeps the last six);
 * a recovery code only has to be there.
 */
export function codeProblem(method: Method, code: string): MessageKey | null {
  const trimmed = code.trim()
  if (method === 'recovery_code') return trimmed === '' ? 'recovery.required' : null
  const digits = trimmed.replace(/[\s-]/g, '')
  if (digits === '') return 'code.required'
  if (!/^\d+$/.test(digits) || (digits.length !== 6 && !(method === 'sms' && digits.length === 10))) return 'code.sixDigits'
  return null
}
