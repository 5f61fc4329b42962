import type { Language } from '@shared/error-messages.ts'

/**
 * Dates and times of the care record, the way a Dutch reader expects them. Moments
 * (date-time) are shown in Dutch time whatever the device's zone; calendar days
 * (YYYY-MM-DD) are shown as the day they are, never shifted by a zone.
 */
const LOCALES = { nl: 'nl-NL', en: 'en-GB' } as const
const ZONE = 'Europe/Amsterdam'

function calendarDay(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`)
}

/** "11 oktober 2018". */
export function formatDay(isoDate: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' }).format(calendarDay(isoDate))
}

/** "donderdag 11 oktober 2018". */
export function formatWeekdayDay(isoDate: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'full', timeZone: 'UTC' }).format(calendarDay(isoDate))
}

/** "do 25 jun 2020": the short form of the Topaz lists. */
export function formatShortDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: ZONE }).format(new Date(iso))
}

/** "14:01" in Dutch time. */
export function formatTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { hour: '2-digit', minute: '2-digit', timeZone: ZONE }).format(new Date(iso))
}

/** "25 juni 2020 om 14:01" in Dutch time. */
export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeStyle: 'short', timeZone: ZONE }).format(new Date(iso))
}

/** "1 januari 2019 – ..." while it runs on, "1 januari 2019 – 31 december 2020" when it ended. */
export function formatPeriod(startsOn: string, endsOn: string | null, language: Language): string {
  return `${formatDay(startsOn, language)} – ${endsOn ? formatDay(endsOn, language) : '...'}`
}
