import type { Language } from '@shared/error-messages.ts'
import { errorText, isErrorMessageCode } from '@/i18n/use-t.ts'
import { ApiError } from './api-client.ts'

/**
 * The text to show for a failed request. Known codes come from the shared dictionary
 * (the same words the server sends), so the message follows a language switch made
 * after the request; unknown codes show the server's own message.
 */
export function errorMessage(error: unknown, language: Language): string {
  const code = error instanceof ApiError ? error.code : 'internal'
  if (isErrorMessageCode(code)) return errorText(code, language)
  return error instanceof ApiError ? error.message : errorText('internal', language)
}
