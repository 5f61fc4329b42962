import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../test/test-database.ts'
import type { Db } from './database.ts'
import { reusableQuery } from './reusable-query.ts'

let db: Db
let close: () => Promise<void>

beforeAll(async () => {
  ;({ db, close } = await createTestDatabase())
})
afterAll(async () => close())

interface Input {
  name: string
  at: Date
  /** null: no filter on it (changes the SQL). */
  minimum: string | null
  limit: number
}

/** Rows 'a', 'b', 'c' filtered and limited by the input: a builder that keeps its values as values. */
function build(db: Db, input: Input) {
  let query = db
    .selectFrom(sql<{ letter: string }>`(select unnest(array['a', 'b', 'c']) as letter)`.as('t'))
    .select((eb) => ['t.letter', sql<string>`${input.name}::text`.as('name'), eb.val(input.at).as('at')])
  if (input.minimum !== null) query = query.where('t.letter', '>=', input.minimum)
  return query.orderBy('t.letter').limit(input.limit)
}

const at = new Date('2026-12-07T10:00:00.123Z')

describe('reusableQuery: built once per shape, bound with every call\'s values', () => {
  it('answers what the builder answers, for other values of the same shape and for other shapes', async () => {
    const reused = reusableQuery('letters', build)
    const inputs: Input[] = [
      { name: 'één', at, minimum: 'b', limit: 5 },
      { name: 'twee', at: new Date(0), minimum: 'c', limit: 5 },
      { name: 'drie', at, minimum: null, limit: 5 },
      { name: "O'Brien; drop table client", at, minimum: null, limit: 2 },
      { name: 'vier', at, minimum: 'a', limit: 2 },
    ]
    for (const input of inputs) {
      expect(await reused(db, input)).toEqual(await build(db, input).execute())
    }
    expect((await reused(db, inputs[3]!)).map((r) => r.letter)).toEqual(['a', 'b'])
  })

  it('refuses, under test, a builder that uses a value it gets as a slot for more than a value', async () => {
    // Interpolating the string into the text: the stand-in would end up in the SQL.
    const misused = reusableQuery('misused', (db: Db, input: { name: string }) => db.selectNoFrom(sql<string>`${sql.lit(String(input.name))}`.as('name')))
    await expect(misused(db, { name: 'x' })).rejects.toThrow(/reusableQuery misused: the builder depends on a value/)
  })

  it('in production, notices such a builder at its first call and builds it afresh every time', async () => {
    const misused = reusableQuery('misused', (db: Db, input: { name: string }) => db.selectNoFrom(sql<string>`${sql.lit(String(input.name))}`.as('name')), { checkEveryCall: false })
    expect(await misused(db, { name: 'x' })).toEqual([{ name: 'x' }])
    expect(await misused(db, { name: 'y' })).toEqual([{ name: 'y' }])
  })

  it('does not notice, in production, a builder that branches on a value only for some values: why every call is checked under test', async () => {
    const branching = (db: Db, input: { name: string }) => db.selectNoFrom(sql<string>`${input.name === 'y' ? 'why' : input.name}::text`.as('name'))
    const unchecked = reusableQuery('branching', branching, { checkEveryCall: false })
    expect(await unchecked(db, { name: 'x' })).toEqual([{ name: 'x' }])
    expect(await unchecked(db, { name: 'y' })).toEqual([{ name: 'y' }]) // the builder itself answers 'why'
    const checked = reusableQuery('branching', branching)
    expect(await checked(db, { name: 'x' })).toEqual([{ name: 'x' }])
    await expect(checked(db, { name: 'y' })).rejects.toThrow(/reusableQuery branching: the builder depends on a value/)
  })
})
