import type { Language } from '@shared/error-messages.ts'

const LOCALES = { nl: 'nl-NL', en: 'en-GB' } as const

/** "27 november 2026 om 15:04": date and time, in the person's language. */
export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso))
}

/** "27 november 2026". */
export function formatDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long' }).format(new Date(iso))
}
