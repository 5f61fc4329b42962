/**
 * Calendar helpers in the organisation's time zone. Demo reports and appointments must
 * fall on sensible local hours (a night shift report at 03:00 Dutch time, an appointment
 * "today" in the Netherlands) whatever the time zone of the machine that seeds.
 */

const TIME_ZONE = 'Europe/Amsterdam'

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

function wallClockParts(instant: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const parts = Object.fromEntries(partsFormatter.formatToParts(instant).map((part) => [part.type, part.value]))
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  }
}

/** Milliseconds Amsterdam is ahead of UTC at `instant` (1 h in winter, 2 h in summer). */
function offsetMs(instant: Date): number {
  const p = wallClockParts(instant)
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000
}

/** The Amsterdam calendar day of an instant, as 'YYYY-MM-DD'. */
export function amsterdamDate(instant: Date): string {
  const p = wallClockParts(instant)
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`
}

// Start of each local hour already computed. The seed asks for the same hours tens of
// thousands of times, and Intl formatting is the slow part; offsets only change on whole hours.
const hourStartCache = new Map<string, number>()
const HOUR_CACHE_LIMIT = 50_000

/** The instant at which Amsterdam clocks show `hour:minute` on `isoDate`. */
export function amsterdamInstant(isoDate: string, hour: number, minute: number): Date {
  const key = `${isoDate}T${hour}`
  let hourStart = hourStartCache.get(key)
  if (hourStart === undefined) {
    const [year = 1970, month = 1, day = 1] = isoDate.split('-').map(Number)
    const naiveUtc = Date.UTC(year, month - 1, day, hour)
    // Two passes: the offset at the guessed instant can differ on a daylight-saving day.
    const firstGuess = naiveUtc - offsetMs(new Date(naiveUtc))
    hourStart = naiveUtc - offsetMs(new Date(firstGuess))
    if (hourStartCache.size >= HOUR_CACHE_LIMIT) hourStartCache.clear()
    hourStartCache.set(key, hourStart)
  }
  return new Date(hourStart + minute * 60_000)
}

/** Calendar arithmetic on 'YYYY-MM-DD' strings, free of time zones. */
export function addDays(isoDate: string, days: number): string {
  const [year = 1970, month = 1, day = 1] = isoDate.split('-').map(Number)
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10)
}

/** The first day of the month `monthsBack` months before `isoDate`. */
export function firstOfMonth(isoDate: string, monthsBack: number): string {
  const [year = 1970, month = 1] = isoDate.split('-').map(Number)
  return new Date(Date.UTC(year, month - 1 - monthsBack, 1)).toISOString().slice(0, 10)
}

const longDateFormatter = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
})

/** "zaterdag 12 december 2026", for news texts. */
export function dutchLongDate(isoDate: string): string {
  return longDateFormatter.format(new Date(`${isoDate}T12:00:00Z`))
}
