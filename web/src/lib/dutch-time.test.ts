import { describe, expect, it } from 'vitest'
import { dutchDay, dutchMomentIso, dutchTime } from './dutch-time.ts'

describe('dutchDay and dutchTime', () => {
  it('give the day and time on the ward, whatever zone the moment is written in', () => {
    // 22:30 UTC on 30 June is 00:30 the next day in summer time.
    const moment = new Date('2026-06-30T22:30:00Z')
    expect(dutchDay(0, moment)).toBe('2026-07-01')
    expect(dutchTime(moment)).toBe('00:30')
    // In winter the difference is one hour.
    const winter = new Date('2026-12-31T23:05:00Z')
    expect(dutchDay(0, winter)).toBe('2027-01-01')
    expect(dutchTime(winter)).toBe('00:05')
  })

  it('count days forward and back from a moment', () => {
    const moment = new Date('2026-03-01T11:00:00Z')
    expect(dutchDay(1, moment)).toBe('2026-03-02')
    expect(dutchDay(-1, moment)).toBe('2026-02-28')
  })
})

describe('dutchMomentIso', () => {
  it('reads a wall-clock time in winter time (+01:00) and in summer time (+02:00)', () => {
    expect(dutchMomentIso('2026-01-15', '09:00')).toBe('2026-01-15T08:00:00.000Z')
    expect(dutchMomentIso('2026-07-15', '09:00')).toBe('2026-07-15T07:00:00.000Z')
  })

  it('knows the night summer time starts: 02:00–02:59 does not exist, 03:00 is summer time', () => {
    expect(dutchMomentIso('2026-03-29', '01:59')).toBe('2026-03-29T00:59:00.000Z')
    expect(dutchMomentIso('2026-03-29', '02:30')).toBeNull()
    expect(dutchMomentIso('2026-03-29', '03:00')).toBe('2026-03-29T01:00:00.000Z')
  })

  it('knows the night summer time ends: 02:30 happens twice and is read as winter time, the later one', () => {
    expect(dutchMomentIso('2026-10-25', '01:30')).toBe('2026-10-24T23:30:00.000Z')
    expect(dutchMomentIso('2026-10-25', '02:30')).toBe('2026-10-25T01:30:00.000Z')
    expect(dutchMomentIso('2026-10-25', '03:00')).toBe('2026-10-25T02:00:00.000Z')
  })

  it('refuses malformed input and days that do not exist', () => {
    expect(dutchMomentIso('2026-1-5', '09:00')).toBeNull()
    expect(dutchMomentIso('2026-01-15', '9:00')).toBeNull()
    expect(dutchMomentIso('2026-02-30', '09:00')).toBeNull()
    expect(dutchMomentIso('2026-01-15', '24:00')).toBeNull()
  })
})
