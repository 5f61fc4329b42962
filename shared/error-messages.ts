import { ERROR_MESSAGES_EN } from './error-messages-en.ts'
import { ERROR_MESSAGES_NL, type ErrorMessageCode } from './error-messages-nl.ts'

/**
 * What a person reads when a request fails, per stable error code, in Dutch (B1) and English:
 * for the server's error responses. Each language is in a file of its own (error-messages-nl.ts,
 * error-messages-en.ts), so the web app's first paint carries only the Dutch; the web app reads
 * them through errorText (web/src/i18n/use-t.ts), not through this.
 */
export const ERROR_MESSAGES = Object.fromEntries(
  (Object.keys(ERROR_MESSAGES_NL) as ErrorMessageCode[]).map((code) => [code, { nl: ERROR_MESSAGES_NL[code], en: ERROR_MESSAGES_EN[code] }]),
) as { readonly [Code in ErrorMessageCode]: { readonly nl: string; readonly en: string } }

export type Language = 'nl' | 'en'
