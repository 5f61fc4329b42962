import { EventEmitter } from 'node:events'
import { sql } from 'kysely'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../test/test-database.ts'
import type { Db } from './database.ts'
import { MAX_PARAMETERS, prepareRepeatedStatements, statementName } from './prepared-statements.ts'

let db: Db
let close: () => Promise<void>

beforeAll(async () => {
  ;({ db, close } = await createTestDatabase())
})
afterAll(async () => close())

interface Prepared {
  name: string
  statement: string
  executions: number
}

/** The connection's named statements, as the database itself keeps them. */
async function preparedOn(conn: Db): Promise<Prepared[]> {
  const { rows } = await sql<Prepared>`select name, statement, (generic_plans + custom_plans)::int as executions from pg_prepared_statements where not from_sql`.execute(conn)
  return rows
}

describe('statements with parameters are prepared once per connection (PostgreSQL and PGlite)', () => {
  it('parses a repeated statement once, under the name of its text, and executes it from there', async () => {
    await db.connection().execute(async (conn) => {
      const query = (id: number) => conn.selectFrom('organisation').select('id').where('id', '=', id)
      const text = query(1).compile().sql
      await query(1).execute()
      await query(2).execute()
      const mine = (await preparedOn(conn)).filter((p) => p.statement === text)
      expect(mine).toEqual([{ name: statementName(text), statement: text, executions: 2 }])
    })
  })

  it('leaves statements without parameters, and one-off shapes with many, unnamed', async () => {
    await db.connection().execute(async (conn) => {
      await sql`select 1 as one`.execute(conn)
      const many = Array.from({ length: MAX_PARAMETERS + 1 }, (_, i) => i)
      await conn.selectFrom('organisation').select('id').where('id', 'in', many).execute()
      const statements = (await preparedOn(conn)).map((p) => p.statement)
      expect(statements.some((s) => s.includes('select 1 as one'))).toBe(false)
      expect(statements.some((s) => s.includes(`$${MAX_PARAMETERS + 1}`))).toBe(false)
    })
  })
})

describe('limits in the text (literal-limits.ts), so a generic plan knows them', () => {
  it('writes a whole LIMIT and OFFSET into the SQL and binds every other value', async () => {
    const query = db.selectFrom('report').select('id').where('client_id', '=', '5b0c2f55-2222-4c3e-9a55-0000000000bb').orderBy('reported_at', 'desc').limit(3).offset(20)
    const compiled = query.compile()
    expect(compiled.sql).toMatch(/ limit 3 offset 20$/)
    expect(compiled.parameters).toEqual(['5b0c2f55-2222-4c3e-9a55-0000000000bb'])
    expect(await query.execute()).toEqual([])
    // A limit that is not a whole number stays a parameter (PostgreSQL then refuses or rounds it as before).
    expect(db.selectFrom('report').select('id').limit(2.5).compile().parameters).toEqual([2.5])
  })
})

describe('the bound per connection', () => {
  /** A stand-in for a pooled client: records what each query call was given. */
  function fakeConnection(maxPerConnection: number) {
    const pool = new EventEmitter() as unknown as pg.Pool
    prepareRepeatedStatements(pool, maxPerConnection)
    const calls: unknown[] = []
    const client = { query: (config: unknown) => calls.push(config) }
    pool.emit('connect', client)
    return { query: client.query as (text: unknown, values?: unknown[]) => void, calls }
  }

  it('names a text the same every time, and names no new text past the bound', () => {
    const { query, calls } = fakeConnection(2)
    query('select $1::int as a', [1])
    query('select $1::int as b', [1])
    query('select $1::int as a', [2])
    query('select $1::int as c', [3])
    expect(calls).toEqual([
      { name: statementName('select $1::int as a'), text: 'select $1::int as a', values: [1] },
      { name: statementName('select $1::int as b'), text: 'select $1::int as b', values: [1] },
      { name: statementName('select $1::int as a'), text: 'select $1::int as a', values: [2] },
      'select $1::int as c',
    ])
  })

  it('leaves a statement with an array parameter unnamed: its plan depends on the array', () => {
    const { query, calls } = fakeConnection(2)
    query('select * from report where id = any($1::uuid[]) and client_id = $2', [['a', 'b'], 'c'])
    expect(calls).toEqual(['select * from report where id = any($1::uuid[]) and client_id = $2'])
  })

  it('passes query objects (cursors) through untouched', () => {
    const { query, calls } = fakeConnection(2)
    const cursor = { text: 'select $1', values: [1] }
    query(cursor)
    expect(calls).toEqual([cursor])
  })
})
