import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../test/test-database.ts'
import type { Db } from './database.ts'
import { containsPattern, escapeLike, startsWithPattern } from './contains-pattern.ts'
import { activeAt, validOnDay } from './valid-on-day.ts'
import { beyondCursor, cursorTime, decodeCursor, encodeCursor } from '../http/keyset-cursor.ts'

let db: Db
let close: () => Promise<void>

beforeAll(async () => {
  ;({ db, close } = await createTestDatabase())
})
afterAll(async () => close())

describe('escapeLike', () => {
  it('puts a backslash before %, _ and \\ only', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b')
    expect(escapeLike('De Vries')).toBe('De Vries')
    expect(containsPattern('a%')).toBe('%a\\%%')
    expect(startsWithPattern('12_')).toBe('12\\_%')
  })

  const words = ['100% zeker', '100 procent', 'a_b', 'axb', 'c:\\temp', 'c:temp']
  const matching = async (pattern: string) => {
    const rows = await db
      .selectFrom(sql<{ word: string }>`(select unnest(${words}::text[]) as word)`.as('w'))
      .select('w.word')
      .where('w.word', 'ilike', pattern)
      .orderBy('w.word')
      .execute()
    return rows.map((row) => row.word)
  }

  it('makes the database match what was typed, not a wildcard', async () => {
    expect(await matching(containsPattern('0%'))).toEqual(['100% zeker'])
    expect(await matching(containsPattern('a_b'))).toEqual(['a_b'])
    expect(await matching(containsPattern(':\\t'))).toEqual(['c:\\temp'])
    expect(await matching(startsWithPattern('A_'))).toEqual(['a_b'])
    expect(await matching(startsWithPattern('%'))).toEqual([])
  })
})

describe('validOnDay', () => {
  const periods = [
    { name: 'open', from: null, until: null },
    { name: 'from-march', from: '2026-03-01', until: null },
    { name: 'until-march', from: null, until: '2026-03-01' },
    { name: 'march', from: '2026-03-01', until: '2026-03-31' },
    { name: 'one-day', from: '2026-03-15', until: '2026-03-15' },
  ]
  const validOn = async (day: string) => {
    const rows = await db
      .selectFrom(
        sql<{ name: string; valid_from: string | null; valid_until: string | null }>`(
          select * from unnest(${periods.map((p) => p.name)}::text[], ${periods.map((p) => p.from)}::date[], ${periods.map((p) => p.until)}::date[])
            as t(name, valid_from, valid_until))`.as('period'),
      )
      .select('period.name')
      .where((eb) => validOnDay(eb, { from: 'period.valid_from', until: 'period.valid_until' }, day))
      .orderBy('period.name')
      .execute()
    return rows.map((row) => row.name)
  }

  it.each([
    ['2026-02-28', ['open', 'until-march']],
    ['2026-03-01', ['from-march', 'march', 'open', 'until-march']],
    ['2026-03-15', ['from-march', 'march', 'one-day', 'open']],
    ['2026-03-31', ['from-march', 'march', 'open']],
    ['2026-04-01', ['from-march', 'open']],
  ])('on %s: both ends inclusive, a null end open', async (day, expected) => {
    expect(await validOn(day)).toEqual(expected)
  })
})

describe('activeAt', () => {
  const now = new Date('2026-03-02T09:00:00Z')
  const rows = [
    { name: 'active', from: '2026-03-01T00:00:00Z', ended: null },
    { name: 'starts-now', from: '2026-03-02T09:00:00Z', ended: null },
    { name: 'not-yet', from: '2026-03-02T09:00:00.001Z', ended: null },
    { name: 'ended', from: '2026-03-01T00:00:00Z', ended: '2026-03-01T12:00:00Z' },
  ]

  it('takes rows started by now and not ended', async () => {
    const found = await db
      .selectFrom(sql<{ name: string; activated_at: Date; ended_at: Date | null }>`(
        select * from unnest(${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.from)}::timestamptz[], ${rows.map((r) => r.ended)}::timestamptz[])
          as t(name, activated_at, ended_at))`.as('link'))
      .select('link.name')
      .where((eb) => activeAt(eb, { from: 'link.activated_at', ended: 'link.ended_at' }, now))
      .orderBy('link.name')
      .execute()
    expect(found.map((row) => row.name)).toEqual(['active', 'starts-now'])
  })
})

describe('beyondCursor', () => {
  // Two rows in one microsecond: only the id tells them apart.
  const rows = [
    { id: '00000000-0000-4000-8000-000000000001', at: '2026-03-02T09:15:00.000001Z' },
    { id: '00000000-0000-4000-8000-000000000002', at: '2026-03-02T09:15:00.000002Z' },
    { id: '00000000-0000-4000-8000-000000000003', at: '2026-03-02T09:15:00.000002Z' },
    { id: '00000000-0000-4000-8000-000000000004', at: '2026-03-02T09:15:00.000003Z' },
  ]
  const table = () =>
    db.selectFrom(sql<{ id: string; at: Date }>`(select * from unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.at)}::timestamptz[]) as t(id, at))`.as('row'))

  it('pages through rows of one instant without skipping or repeating one, both ways', async () => {
    for (const direction of ['<', '>'] as const) {
      const order = direction === '<' ? 'desc' : 'asc'
      const seen: string[] = []
      let cursor: string | null = null
      for (;;) {
        const after = cursor ? decodeCursor(cursor) : null
        const page = await table()
          .select(['row.id', cursorTime('row.at').as('cursor_at')])
          .$if(after !== null, (query) => query.where((eb) => beyondCursor(eb, { at: 'row.at', id: 'row.id' }, direction, after!)))
          .orderBy('row.at', order)
          .orderBy('row.id', order)
          .limit(1)
          .execute()
        const last = page[0]
        // A broken condition would give the same row again and again.
        if (!last || seen.length > rows.length) break
        seen.push(last.id)
        cursor = encodeCursor({ at: last.cursor_at, id: last.id })
      }
      const ids = rows.map((r) => r.id)
      expect(seen).toEqual(direction === '<' ? ids.reverse() : ids)
    }
  })
})
