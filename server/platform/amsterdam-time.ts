/**
 * The organisation's calendar, the only one on the server (the demo seed uses it too): "today",
 * "tomorrow" and wall-clock times are Dutch, whatever the time zone of the machine.
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

const HOUR_MS = 3_600_000
/** 1 January 1980 UTC: since the EU's rules (1977-1981) Amsterdam switches at 01:00 UTC. */
const WHOLE_HOUR_SWITCHES_FROM = Date.UTC(1980, 0, 1)
// Amsterdam's offset from UTC per UTC hour: it changes only on whole UTC hours (01:00 UTC, at
// the daylight-saving switches), so one Intl call per hour serves every instant in it. Intl
// formatting per call was 1-2% of a busy server's CPU (every request asks for "today"), and the
// demo seed asks for the same hours tens of thousands of times.
const offsetByUtcHour = new Map<number, number>()
const OFFSET_CACHE_LIMIT = 100_000

/** Milliseconds Amsterdam is ahead of UTC at `instant`. */
function offsetMs(instant: Date): number {
  if (instant.getTime() < WHOLE_HOUR_SWITCHES_FROM) return intlOffsetMs(instant)
  const hour = Math.floor(instant.getTime() / HOUR_MS)
  let offset = offsetByUtcHour.get(hour)
  if (offset === undefined) {
    offset = intlOffsetMs(new Date(hour * HOUR_MS))
    if (offsetByUtcHour.size >= OFFSET_CACHE_LIMIT) offsetByUtcHour.clear()
    offsetByUtcHour.set(hour, offset)
  }
  return offset
}

/** The same, as Intl's time-zone data says (whole seconds: older offsets had odd seconds). */
function intlOffsetMs(instant: Date): number {
  const p = Object.fromEntries(partsFormatter.formatToParts(instant).map((part) => [part.type, part.value]))
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second))
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000
}

function wallClock(instant: Date) {
  const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offsetMs(instant))
  const two = (n: number) => String(n).padStart(2, '0')
  return {
    year: String(local.getUTCFullYear()).padStart(4, '0'), month: two(local.getUTCMonth() + 1), day: two(local.getUTCDate()),
    hour: two(local.getUTCHours()), minute: two(local.getUTCMinutes()), second: two(local.getUTCSeconds()),
  }
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

/** The instant Amsterdam clocks show 'HH:MM' on 'YYYY-MM-DD'. */
export function amsterdamInstant(isoDate: string, time: string): Date {
  const [hour = 0, minute = 0] = time.split(':').map(Number)
  const [year = 1970, month = 1, day = 1] = isoDate.split('-').map(Number)
  const naiveUtc = Date.UTC(year, month - 1, day, hour)
  // Two passes: the offset at the first guess can differ on a daylight-saving day.
  const firstGuess = naiveUtc - offsetMs(new Date(naiveUtc))
  return new Date(naiveUtc - offsetMs(new Date(firstGuess)) + minute * 60_000)
}

/** Calendar arithmetic on 'YYYY-MM-DD', free of time zones. */
export function addDays(isoDate: string, days: number): string {
  const [year = 1970, month = 1, day = 1] = isoDate.split('-').map(Number)
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10)
}

/** The first day of the month `monthsBack` months before 'YYYY-MM-DD'. */
export function firstOfMonth(isoDate: string, monthsBack: number): string {
  const [year = 1970, month = 1] = isoDate.split('-').map(Number)
  return new Date(Date.UTC(year, month - 1 - monthsBack, 1)).toISOString().slice(0, 10)
}

const longDateFormatter = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })

/** 'YYYY-MM-DD' as "zaterdag 12 december 2026" (the demo's news and care-plan prints). */
export function dutchLongDate(isoDate: string): string {
  return longDateFormatter.format(new Date(`${isoDate}T12:00:00Z`))
}

/** Whole years between a date of birth and a day, both 'YYYY-MM-DD'. */
export function ageOn(dateOfBirth: string, isoDate: string): number {
  const [by = 0, bm = 0, bd = 0] = dateOfBirth.split('-').map(Number)
  const [y = 0, m = 0, d = 0] = isoDate.split('-').map(Number)
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}
