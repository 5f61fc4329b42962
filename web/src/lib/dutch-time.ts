/**
 * The organisation's calendar in the browser: caregivers type a day and a wall-clock time as
 * they read them on the ward (Dutch time), whatever zone the device is set to.
 */
const ZONE = 'Europe/Amsterdam'

/** "2026-11-27" in Dutch time, `offsetDays` from now. */
export function dutchDay(offsetDays = 0, from: Date = new Date()): string {
  const moment = new Date(from.getTime() + offsetDays * 86_400_000)
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(moment)
}

/** "14:05" in Dutch time. */
export function dutchTime(from: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(from)
}

/**
 * The moment of `time` on `day` in Dutch time, as ISO: winter time (+01:00) or summer time
 * (+02:00), whichever shows that wall-clock time. Null for a time that does not exist (the
 * hour skipped when summer time starts) or malformed input.
 */
export function dutchMomentIso(day: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(time)) return null
  for (const offset of ['+01:00', '+02:00']) {
    const moment = new Date(`${day}T${time}:00${offset}`)
    if (!Number.isNaN(moment.getTime()) && dutchDay(0, moment) === day && dutchTime(moment) === time) return moment.toISOString()
  }
  return null
}
