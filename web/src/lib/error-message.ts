import { ERROR_MESSAGES, type Language } from '@shared/error-messages.ts'
import { ApiError } from './api-client.ts'

/**
 * The text to show for a failed request. Known codes come from the shared dictionary
 * (the same words the server sends), so the message follows a language switch made
 * after the request; unknown codes show the server's own message.
 */
export function errorMessage(error: unknown, language: Language): string {
  const code = error instanceof ApiError ? error.code : 'internal'
  if (Object.hasOwn(ERROR_MESSAGES, code)) return ERROR_MESSAGES[code as keyof typeof ERROR_MESSAGES][language]
  return error instanceof ApiError ? error.message : ERROR_MESSAGES.internal[language]
}
