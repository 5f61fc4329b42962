import { Type } from 'typebox'
import { sql } from 'kysely'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../db/database.ts'
import { createAccount } from '../../test/factories.ts'
import { type LoggedIn, postJson } from '../../test/login-helper.ts'
import { createStaffAccount, logInStaff } from '../../test/staff-factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

/**
 * Database errors become 4xx in one place (server/platform/http/error-handler.ts): real PostgreSQL (or
 * PGlite) errors, raised inside a Kysely transaction as a service would, reach the handler with
 * their SQLSTATE. What is the server's own failure stays 500.
 */

const SECRET_VALUE = 'Geheime-Waarde-7731'

/** Each case runs one statement that PostgreSQL refuses, in a transaction. */
const CASES: Record<string, (db: Db) => Promise<unknown>> = {
  unique: async (db) => {
    await createAccount(db, { login_name: 'dubbel.naam' })
    await createAccount(db, { login_name: 'dubbel.naam' })
  },
  'foreign-key': (db) => db.insertInto('team_membership').values({ team_id: '00000000-0000-4000-8000-000000000000', staff_member_id: '00000000-0000-4000-8000-000000000001' }).execute(),
  check: (db) => db.insertInto('organisation').values({ name: 'Zorggroep Test', primary_color: SECRET_VALUE }).execute(),
  'impossible-time': (db) => sql`select ${`2026-13-45T25:61:61.000000Z ${SECRET_VALUE}`}::timestamptz`.execute(db),
  'year-zero': (db) => sql`select ${'0000-01-01'}::date`.execute(db),
  'not-a-uuid': (db) => sql`select ${SECRET_VALUE}::uuid`.execute(db),
  'out-of-range': (db) => sql`select ${'99999999999'}::integer`.execute(db),
  nul: (db) => sql`select ${`${SECRET_VALUE}\u0000`}::text`.execute(db),
  'server-fault': (db) => sql`select * from a_table_that_does_not_exist`.execute(db),
}

function addFailingRoutes(app: FastifyInstance, db: () => Db) {
  app.get(
    '/api/test/database-error/:kind',
    { config: { access: 'public' }, schema: { params: Type.Object({ kind: Type.String() }), response: { 200: Type.Object({}) } } },
    async (request) => {
      const { kind } = request.params as { kind: string }
      await db()
        .transaction()
        .execute((trx) => CASES[kind]!(trx))
      return {}
    },
  )
}

let t: TestApp
let admin: LoggedIn

beforeAll(async () => {
  t = await createTestApp({ extraRoutes: (app) => addFailingRoutes(app, () => t.db) })
  const administrator = await createStaffAccount(t.db, t.cipher, { caregiver: false, administrator: true })
  admin = await logInStaff(t, administrator, new Date())
}, 60_000)

afterAll(async () => {
  await t?.close()
})

describe('database errors in the one error handler', () => {
  it.each([
    ['unique', 409, 'conflict'],
    ['foreign-key', 409, 'conflict'],
    ['check', 400, 'validation_failed'],
    ['impossible-time', 400, 'validation_failed'],
    ['year-zero', 400, 'validation_failed'],
    ['not-a-uuid', 400, 'validation_failed'],
    ['out-of-range', 400, 'validation_failed'],
    ['nul', 400, 'validation_failed'],
    ['server-fault', 500, 'internal'],
  ])('%s → %i %s', async (kind, status, code) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/test/database-error/${kind}` })
    expect(res.statusCode, res.body).toBe(status)
    expect(res.json<{ error: { code: string } }>().error.code).toBe(code)
  })

  it('logs the SQLSTATE, never the value', async () => {
    await t.app.inject({ method: 'GET', url: '/api/test/database-error/not-a-uuid' })
    const refusals = t.logs.filter((line) => line.includes('request refused by the database'))
    expect(refusals.some((line) => line.includes('"sqlState":"22P02"'))).toBe(true)
    expect(t.logs.filter((line) => line.includes(SECRET_VALUE))).toEqual([])
  })
})

describe('four administrators create the same login name at once', () => {
  it('one gets 201, the others 409: never 500', async () => {
    // Several rounds: the losing request reaches the unique index (not the service's own check)
    // only when the four overlap closely enough, which on PostgreSQL happens within a few.
    for (let round = 0; round < 6; round++) {
      const loginName = `gelijktijdig.${round}`
      const body = (i: number) => ({ loginName, name: `Persoon ${i}`, email: `persoon${round}${i}@example.org`, mobilePhone: `+316123456${round}${i}` })
      const answers = await Promise.all([0, 1, 2, 3].map((i) => postJson(t, '/api/admin/accounts', body(i), admin.headers)))
      expect(answers.map((res) => res.statusCode).sort(), answers.map((res) => res.body).join('\n')).toEqual([201, 409, 409, 409])
      for (const res of answers.filter((r) => r.statusCode === 409)) expect(res.json<{ error: { code: string } }>().error.code).toBe('conflict')
      const rows = await t.db.selectFrom('account').select('id').where('login_name', '=', loginName).execute()
      expect(rows).toHaveLength(1)
    }
  })
})
