import { describe, expect, it } from 'vitest'
import { addDays, ageOn, amsterdamDate, amsterdamInstant, amsterdamTime, firstOfMonth } from './amsterdam-time.ts'

describe('the organisation calendar', () => {
  it.each([
    ['winter', '2026-01-15', '09:30', '2026-01-15T08:30:00.000Z'],
    ['summer', '2026-07-15', '09:30', '2026-07-15T07:30:00.000Z'],
    ['midnight', '2026-07-15', '00:00', '2026-07-14T22:00:00.000Z'],
    // 29 March 2026: clocks jump from 02:00 to 03:00; 02:30 does not exist and lands an hour on.
    ['before the spring jump', '2026-03-29', '01:59', '2026-03-29T00:59:00.000Z'],
    ['in the spring gap', '2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'],
    ['after the spring jump', '2026-03-29', '03:00', '2026-03-29T01:00:00.000Z'],
    // 25 October 2026: 02:00–03:00 happens twice; the later one is taken.
    ['in the autumn repeat', '2026-10-25', '02:30', '2026-10-25T01:30:00.000Z'],
    ['after the autumn repeat', '2026-10-25', '03:15', '2026-10-25T02:15:00.000Z'],
  ])('%s: %s %s in Amsterdam is %s', (_name, day, time, expected) => {
    expect(amsterdamInstant(day, time).toISOString()).toBe(expected)
    // Asked again (from the cache of hour starts), the same instant.
    expect(amsterdamInstant(day, time).toISOString()).toBe(expected)
  })

  it('reads an instant back as the Dutch day and time', () => {
    for (const [day, time] of [['2026-07-14', '23:45'], ['2026-03-29', '03:00'], ['2026-12-31', '00:05']] as const) {
      const instant = amsterdamInstant(day, time)
      expect([amsterdamDate(instant), amsterdamTime(instant)]).toEqual([day, time])
    }
  })

  it('gives the day and time Intl gives, every 7 minutes through 2026 and on older dates', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    const expected = (instant: Date) => {
      const p = Object.fromEntries(intl.formatToParts(instant).map((part) => [part.type, part.value]))
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
    }
    const instants: Date[] = []
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 7 * 60_000 + 13_000) instants.push(new Date(t))
    // Before 1980 Amsterdam did not always switch on a whole UTC hour (1940: +00:20 to +02:00).
    for (const iso of ['1939-06-01T12:00:00Z', '1940-05-15T23:30:00Z', '1945-04-02T00:30:00Z', '1977-04-03T01:30:00Z', '1979-12-31T23:59:59Z']) instants.push(new Date(iso))
    const wrong = instants.filter((instant) => `${amsterdamDate(instant)} ${amsterdamTime(instant)}` !== expected(instant))
    expect(wrong).toEqual([])
  })

  it('counts days, months and years on the calendar', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31')
    expect(firstOfMonth('2026-03-31', 0)).toBe('2026-03-01')
    expect(firstOfMonth('2026-03-31', 3)).toBe('2025-12-01')
    expect(ageOn('1940-03-02', '2026-03-01')).toBe(85)
    expect(ageOn('1940-03-02', '2026-03-02')).toBe(86)
  })
})
