/**
 * The organisation's calendar: "today", "tomorrow" and wall-clock times are Dutch, whatever
 * the time zone of the machine. (The demo seed has its own copy tuned for bulk use.)
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

function wallClock(instant: Date) {
  const parts = Object.fromEntries(partsFormatter.formatToParts(instant).map((part) => [part.type, part.value]))
  return { year: parts.year ?? '1970', month: parts.month ?? '01', day: parts.day ?? '01', hour: parts.hour ?? '00', minute: parts.minute ?? '00', second: parts.second ?? '00' }
}

/** The Amsterdam calendar day of an instant: 'YYYY-MM-DD'. */
export function amsterdamDate(instant: Date): string {
  const p = wallClock(instant)
  return `${p.year}-${p.month}-${p.day}`
}

/** The Amsterdam wall-clock time of an instant: 'HH:MM'. */
export function amsterdamTime(instant: Date): string {
  const p = wallClock(instant)
  return `${p.hour}:${p.minute}`
}

/** Milliseconds Amsterdam is ahead of UTC at `instant`. */
function offsetMs(instant: Date): number {
  const p = wallClock(instant)
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second))
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000
}

/** The instant Amsterdam clocks show 'HH:MM' on 'YYYY-MM-DD'. */
export function amsterdamInstant(isoDate: string, time: string): Date {
  const [year = 1970, month = 1, day = 1] = isoDate.split('-').map(Number)
  const [hour = 0, minute = 0] = time.split(':').map(Number)
  const naiveUtc = Date.UTC(year, month - 1, day, hour, minute)
  // Two passes: the offset at the first guess can differ on a daylight-saving day.
  const firstGuess = naiveUtc - offsetMs(new Date(naiveUtc))
  return new Date(naiveUtc - offsetMs(new Date(firstGuess)))
}

/** Calendar arithmetic on 'YYYY-MM-DD', free of time zones. */
export function addDays(isoDate: string, days: number): string {
  const [year = 1970, month = 1, day = 1] = isoDate.split('-').map(Number)
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10)
}

/** Whole years between a date of birth and a day, both 'YYYY-MM-DD'. */
export function ageOn(dateOfBirth: string, isoDate: string): number {
  const [by = 0, bm = 0, bd = 0] = dateOfBirth.split('-').map(Number)
  const [y = 0, m = 0, d = 0] = isoDate.split('-').map(Number)
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}
