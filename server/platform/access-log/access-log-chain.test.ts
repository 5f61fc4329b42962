import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OpenDatabase } from '../db/database.ts'
import * as chainMigration from '../db/migrations/2026-12-06T20-00-00_access-log-chain.ts'
import { createTestDatabase } from '../../test/test-database.ts'
import { chainHash, GENESIS_HASH } from './access-log-chain.ts'
import { readChainPage } from './access-log.repository.ts'
import { recordAccess } from './access-log.service.ts'
import { describeVerdict, parseAnchor, verifyAccessLogChain } from './access-log-verify.service.ts'

// Runs on the embedded database and on PostgreSQL. The tampering below is what the database's
// superuser can do (the test connection is one); the runtime role's limits are in
// server/platform/db/database-roles.test.ts (PostgreSQL only).

let database: OpenDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(() => database.close())

const source = { ip: '192.0.2.20', userAgent: 'vitest chain', requestId: 'req-chain' }
const actor = { type: 'staff' as const, id: '5b0c2f55-1111-4c3e-9a55-0000000000aa', role: 'caregiver', name: 'Fatima el Amrani' }
const clientId = '5b0c2f55-2222-4c3e-9a55-0000000000bb'

async function logRead(recordId: string, db = database.db): Promise<void> {
  await recordAccess(db, actor, source, { action: 'read', outcome: 'success', clientId, dataKind: 'report', recordId }, new Date('2026-12-06T10:00:00.123Z'))
}

async function rowId(recordId: string): Promise<string> {
  const row = await database.db.selectFrom('access_log').select('id').where('record_id', '=', recordId).executeTakeFirstOrThrow()
  return String(row.id)
}

async function lastSeq(): Promise<bigint> {
  const { rows } = await sql<{ seq: string }>`select coalesce(max(seq), 0)::text as seq from access_log`.execute(database.db)
  return BigInt(rows[0]!.seq)
}

async function tamper(statement: string): Promise<void> {
  // As a database administrator would: switch the append-only guard off, change history, switch it on.
  await sql`alter table access_log disable trigger access_log_no_update_or_delete`.execute(database.db)
  try {
    await sql.raw(statement).execute(database.db)
  } finally {
    await sql`alter table access_log enable trigger access_log_no_update_or_delete`.execute(database.db)
  }
}

describe('security property 32: the access log is hash-chained and verify names the first changed row', () => {
  it('chains single rows, multi-row INSERTs and transactions in commit order, with the hash the verify command computes', async () => {
    await logRead('single-1')
    await database.db.transaction().execute(async (trx) => {
      await logRead('tx-1', trx)
      await logRead('tx-2', trx)
    })
    // One statement, three rows (as issue 11's one access-log statement per request will do).
    await database.db.insertInto('access_log').values(['multi-1', 'multi-2', 'multi-3'].map((recordId) => ({
      action: 'read' as const, outcome: 'success' as const, actor_type: 'staff' as const, actor_id: actor.id, actor_role: 'caregiver',
      // What JSON escapes, and what it leaves as is, in the hashed encoding.
      actor_name: 'Zoë "quotes" \\ back\u00e9\u20ac \u{1F600}', user_agent: 'tab\tline\nret\r\u0001\u001f\u007f\u2028/', client_id: clientId, data_kind: 'report', record_id: recordId,
    }))).execute()

    const rows = await readChainPage(database.db, '0', 100_000)
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => String(i + 1)))
    expect(rows.slice(-6).map((r) => r.recordId)).toEqual(['single-1', 'tx-1', 'tx-2', 'multi-1', 'multi-2', 'multi-3'])
    // Each stored hash is what Node computes from the row and the previous stored hash.
    let prev: Buffer = GENESIS_HASH
    for (const row of rows) {
      expect(row.prevHash?.toString('hex')).toBe(prev.toString('hex'))
      expect(row.hash?.toString('hex')).toBe(chainHash(prev, row).toString('hex'))
      prev = row.hash!
    }

    const verdict = await verifyAccessLogChain(database.db, { pageSize: 2 })
    expect(verdict).toMatchObject({ intact: true, rows: rows.length, headSeq: String(rows.length), headHash: prev.toString('hex') })
    expect(describeVerdict(verdict)).toMatch(/^Access log intact: \d+ rows/)
    // Chained per statement: every note of rows to chain was used up by its commit.
    const notes = await sql<{ n: number }>`select count(*)::int as n from access_log_unchained`.execute(database.db)
    expect(notes.rows[0]!.n).toBe(0)
  })

  it('chains the statements of one transaction in the order they ran, each statement\'s rows in insertion order', async () => {
    const before = await lastSeq()
    await database.db.transaction().execute(async (trx) => {
      await trx.insertInto('access_log').values(['order-b1', 'order-b2'].map((recordId) => ({
        action: 'read' as const, outcome: 'success' as const, actor_type: 'system' as const, actor_role: 'system', data_kind: 'report', record_id: recordId,
      }))).execute()
      await logRead('order-a', trx)
      // Seen from inside: nothing is chained before the commit.
      const inside = await sql<{ n: number }>`select count(*)::int as n from access_log where seq is null`.execute(trx)
      expect(inside.rows[0]!.n).toBe(3)
    })
    const chained = await sql<{ record_id: string; seq: string }>`select record_id, seq::text as seq from access_log where seq > ${String(before)} order by seq`.execute(database.db)
    expect(chained.rows.map((r) => [r.record_id, BigInt(r.seq) - before])).toEqual([['order-b1', 1n], ['order-b2', 2n], ['order-a', 3n]])
    expect(await verifyAccessLogChain(database.db)).toMatchObject({ intact: true })
  })

  it('covers the way in and assurance level of a row (encoding access_log/2): changing or clearing them breaks the hash', async () => {
    const signedIn = { ...actor, type: 'account' as const, authentication: { method: 'digid', assurance: 'substantial' } }
    await recordAccess(database.db, signedIn, source, { action: 'read', outcome: 'success', clientId, dataKind: 'report', recordId: 'way-in-1' }, new Date('2026-12-06T11:00:00Z'))
    await logRead('way-in-after')
    const rows = await readChainPage(database.db, '0', 100_000)
    const row = rows.find((r) => r.recordId === 'way-in-1')!
    expect(row).toMatchObject({ authMethod: 'digid', assurance: 'substantial' })
    expect((await verifyAccessLogChain(database.db)).intact).toBe(true)

    const id = await rowId('way-in-1')
    await tamper(`update access_log set auth_method = null, assurance = null where id = ${id}`)
    const verdict = await verifyAccessLogChain(database.db)
    expect(verdict).toMatchObject({ intact: false, broken: { id } })
    await tamper(`update access_log set auth_method = 'digid', assurance = 'substantial' where id = ${id}`)
    await tamper(`update access_log set assurance = 'high' where id = ${id}`)
    expect(await verifyAccessLogChain(database.db)).toMatchObject({ intact: false, broken: { id } })
    await tamper(`update access_log set assurance = 'substantial' where id = ${id}`)
    expect((await verifyAccessLogChain(database.db)).intact).toBe(true)
  })

  it('ignores chain values in the INSERT and leaves no gap for a rolled-back transaction', async () => {
    const before = await lastSeq()
    await sql`
      insert into access_log (action, outcome, actor_type, actor_role, data_kind, seq, prev_hash, hash)
      values ('read', 'success', 'system', 'system', 'forged', 999999, '\\x00', '\\x00')`.execute(database.db)
    await expect(database.db.transaction().execute(async (trx) => {
      await logRead('rolled-back', trx)
      throw new Error('roll back')
    })).rejects.toThrow('roll back')
    const after = await lastSeq()
    expect(after).toBe(before + 1n)
    const forged = await sql<{ seq: string }>`select seq::text as seq from access_log where data_kind = 'forged'`.execute(database.db)
    expect(forged.rows[0]!.seq).toBe(String(after))
    expect(await verifyAccessLogChain(database.db)).toMatchObject({ intact: true })
  })

  it('names a row changed behind the guard as the first broken row, and is intact again once it is changed back', async () => {
    await logRead('edit-me')
    await logRead('after-edit')
    const id = await rowId('edit-me')
    await tamper(`update access_log set actor_name = 'Iemand anders' where id = ${id}`)

    const verdict = await verifyAccessLogChain(database.db, { pageSize: 3 })
    expect(verdict.intact).toBe(false)
    if (verdict.intact) return
    expect(verdict.broken.id).toBe(id)
    expect(verdict.reason).toMatch(/this row was changed/)
    expect(describeVerdict(verdict)).toContain(`row id ${id}, seq ${verdict.broken.seq}, time 2026-12-06T10:00:00.123Z`)

    await tamper(`update access_log set actor_name = 'Fatima el Amrani' where id = ${id}`)
    expect(await verifyAccessLogChain(database.db)).toMatchObject({ intact: true })
  })

  it('finds rows deleted from the end, and a rewritten chain, with an anchor noted from an earlier run', async () => {
    await logRead('kept')
    const noted = await verifyAccessLogChain(database.db)
    if (!noted.intact) throw new Error(describeVerdict(noted))
    const anchor = parseAnchor(describeVerdict(noted).split('\n')[1]!.replace('Chain head: ', ''))
    expect(anchor).toEqual({ seq: noted.headSeq, hash: noted.headHash })
    await logRead('later')
    expect(await verifyAccessLogChain(database.db, { anchor })).toMatchObject({ intact: true })

    // An administrator removes the two last rows: the chain itself still looks whole ...
    await tamper(`delete from access_log where seq >= ${anchor.seq}`)
    expect(await verifyAccessLogChain(database.db)).toMatchObject({ intact: true })
    // ... but not against the anchor.
    const verdict = await verifyAccessLogChain(database.db, { anchor })
    expect(verdict).toMatchObject({ intact: false })
    if (!verdict.intact) expect(verdict.reason).toMatch(/before the anchor's seq/)

    // Re-inserting a different row at the anchor's place, chained properly, is caught too.
    await logRead('replacement')
    const rewritten = await verifyAccessLogChain(database.db, { anchor })
    expect(rewritten).toMatchObject({ intact: false, broken: { seq: anchor.seq } })
    if (!rewritten.intact) expect(rewritten.reason).toMatch(/differs from the anchor/)
    await tamper(`delete from access_log where seq >= ${anchor.seq}`)
  })

  it('names the row after one deleted from the middle, also when that row is then moved into the gap', async () => {
    await logRead('before-gap')
    await logRead('deleted')
    await logRead('after-gap')
    const deleted = await rowId('deleted')
    const after = await rowId('after-gap')
    await tamper(`delete from access_log where id = ${deleted}`)

    const verdict = await verifyAccessLogChain(database.db, { pageSize: 4 })
    expect(verdict).toMatchObject({ intact: false, broken: { id: after } })
    if (!verdict.intact) expect(verdict.reason).toMatch(/deleted/)

    // Moving the next row into the gap does not hide it: its prev_hash still is the deleted row's hash.
    await tamper(`update access_log set seq = seq - 1 where id = ${after}`)
    const renumbered = await verifyAccessLogChain(database.db)
    expect(renumbered).toMatchObject({ intact: false, broken: { id: after } })
    if (!renumbered.intact) expect(renumbered.reason).toMatch(/prev_hash/)
  })

  it('names a row inserted with every trigger switched off (session_replication_role = replica)', async () => {
    // The log above is broken already; a fresh copy isolates this check.
    const fresh = await createTestDatabase()
    try {
      await recordAccess(fresh.db, actor, source, { action: 'read', outcome: 'success', clientId, dataKind: 'report', recordId: 'chained' }, new Date())
      // session_replication_role is per connection: one connection for the three statements.
      await fresh.db.connection().execute(async (connection) => {
        await sql`set session_replication_role = replica`.execute(connection)
        await sql`insert into access_log (action, outcome, actor_type, actor_role, data_kind) values ('read', 'success', 'system', 'system', 'smuggled')`.execute(connection)
        await sql`set session_replication_role = origin`.execute(connection)
      })
      const verdict = await verifyAccessLogChain(fresh.db)
      expect(verdict).toMatchObject({ intact: false, broken: { seq: null } })
      if (!verdict.intact) expect(verdict.reason).toMatch(/outside the chain/)
    } finally {
      await fresh.close()
    }
  })

  it('chains the rows that existed before the migration in (occurred_at, id) order', async () => {
    const fresh = await createTestDatabase()
    try {
      // Back to the schema before the chain, with rows logged out of time order.
      await chainMigration.down(fresh.db)
      for (const [recordId, at] of [['third', '2026-03-01T00:00:00Z'], ['first', '2026-01-01T00:00:00Z'], ['second-a', '2026-02-01T00:00:00Z'], ['second-b', '2026-02-01T00:00:00Z']] as const) {
        await recordAccess(fresh.db, actor, source, { action: 'read', outcome: 'success', clientId, dataKind: 'report', recordId }, new Date(at))
      }
      await chainMigration.up(fresh.db)
      const order = await sql<{ record_id: string; seq: string }>`select record_id, seq::text as seq from access_log order by seq`.execute(fresh.db)
      expect(order.rows).toEqual([
        { record_id: 'first', seq: '1' }, { record_id: 'second-a', seq: '2' }, { record_id: 'second-b', seq: '3' }, { record_id: 'third', seq: '4' },
      ])
      await logRead('after-migration', fresh.db)
      expect(await verifyAccessLogChain(fresh.db)).toMatchObject({ intact: true, rows: 5 })
    } finally {
      await fresh.close()
    }
  })
})
