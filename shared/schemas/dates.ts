/**
 * Dates and times the portal accepts: real calendar dates (no 30 February, no month 13) in a
 * range that means something for care, years 1900 to 2200. A JSON schema's `date` format alone
 * lets year 0 and year 9999 through, which PostgreSQL then stores or refuses with an error;
 * these checks refuse them at the door instead. Used by the server's schema formats
 * (server/platform/http/input-checks.ts) and by code that reads a date out of free text (a search box).
 */
export const EARLIEST_YEAR = 1900
export const LATEST_YEAR = 2200

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/

/** `YYYY-MM-DD` that names a day that exists, in years EARLIEST_YEAR..LATEST_YEAR. */
export function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (year < EARLIEST_YEAR || year > LATEST_YEAR || month < 1 || month > 12 || day < 1) return false
  // Day 0 of the next month is the last day of this one (leap years included).
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * An RFC 3339 date-time (`2026-03-02T10:00:00.000Z`, `…+01:00`) on such a day, with a real
 * time of day (no hour 24, no leap second: PostgreSQL and JavaScript both refuse second 60) and
 * a real offset.
 */
export function isSaneDateTime(text: string): boolean {
  const match = DATE_TIME.exec(text)
  if (!match || !isCalendarDate(match[1]!)) return false
  const [hour, minute, second] = [Number(match[2]), Number(match[3]), Number(match[4])]
  if (hour > 23 || minute > 59 || second > 59) return false
  if (match[7] && (Number(match[8]) > 23 || Number(match[9]) > 59)) return false
  return true
}
