import { type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db, OpenDatabase } from '../db/database.ts'
import { createTestDatabase } from '../../test/test-database.ts'
import { accessLogGroupCommit } from './access-log-group-commit.ts'
import type { AccessEvent } from './access-log.service.ts'
import { verifyAccessLogChain } from './access-log-verify.service.ts'

// Runs on the embedded database and on PostgreSQL: a handful of concurrent reads, no load.

let database: OpenDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(() => database.close())

const actor = { type: 'account' as const, id: '5b0c2f55-1111-4c3e-9a55-0000000000c1', role: 'self', name: 'J. Jansen', authentication: { method: 'sms', assurance: 'substantial' } }
const clientId = '5b0c2f55-2222-4c3e-9a55-0000000000c2'
const when = new Date('2026-12-07T06:00:00.250Z')

function reads(dataKinds: string[], client = clientId): AccessEvent[] {
  return dataKinds.map((dataKind) => ({ action: 'read', outcome: 'success', clientId: client, dataKind, onBehalfLinkId: '5b0c2f55-3333-4c3e-9a55-0000000000c3' }))
}

function source(requestId: string) {
  return { ip: '192.0.2.30', userAgent: 'vitest group commit', requestId }
}

/** The app's handle, passed through unchanged, counting the INSERTs into the access log that reach the database. */
function countingInserts(db: Db): { db: Db; inserts: () => number } {
  let inserts = 0
  const plugin: KyselyPlugin = {
    transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
      // The log's INSERT is written as SQL (one array per column, access-log.repository.ts).
      if (node.kind === 'RawNode' && node.sqlFragments.join('').trimStart().startsWith('insert into access_log')) inserts += 1
      return node
    },
    transformResult: async ({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => result,
  }
  return { db: db.withPlugin(plugin), inserts: () => inserts }
}

async function rowsOf(requestId: string) {
  return database.db.selectFrom('access_log').selectAll().where('request_id', '=', requestId).orderBy('data_kind').execute()
}

describe('group commit of read acts', () => {
  it('writes the rows of requests in flight together, every NEN 7513 field of every row, and chains them', async () => {
    const counted = countingInserts(database.db)
    const log = accessLogGroupCommit(counted.db)
    const ids = ['g1', 'g2', 'g3', 'g4', 'g5', 'g6']
    await Promise.all(ids.map((id) => log.recordAccesses(actor, source(id), reads(['home', 'report', 'message']), when)))
    // The first request finds the writer idle and goes alone; the five that came meanwhile share one INSERT.
    expect(counted.inserts()).toBe(2)
    for (const id of ids) {
      const rows = await rowsOf(id)
      expect(rows.map((row) => row.data_kind)).toEqual(['home', 'message', 'report'])
      for (const row of rows) {
        expect(row).toMatchObject({
          action: 'read', outcome: 'success', actor_type: 'account', actor_id: actor.id, actor_role: 'self', actor_name: 'J. Jansen',
          on_behalf_link_id: '5b0c2f55-3333-4c3e-9a55-0000000000c3', on_behalf_of: '', client_id: clientId, record_id: null,
          source_ip: '192.0.2.30', user_agent: 'vitest group commit', auth_method: 'sms', assurance: 'substantial',
        })
        expect(row.occurred_at.toISOString()).toBe(when.toISOString())
      }
    }
    expect(await verifyAccessLogChain(database.db)).toMatchObject({ intact: true })
  })

  it('keeps a batch to its bound in rows, never splitting a request', async () => {
    const counted = countingInserts(database.db)
    const log = accessLogGroupCommit(counted.db, 4)
    await Promise.all(['b1', 'b2', 'b3', 'b4'].map((id) => log.recordAccesses(actor, source(id), reads(['home', 'report']), when)))
    // b1 alone, then b2 and b3 (four rows), then b4.
    expect(counted.inserts()).toBe(3)
    for (const id of ['b1', 'b2', 'b3', 'b4']) expect(await rowsOf(id)).toHaveLength(2)
  })

  it('fails every request of a failed batch, writes none of its rows, and goes on with the next batch', async () => {
    const log = accessLogGroupCommit(database.db)
    const first = log.recordAccesses(actor, source('f1'), reads(['report']), when)
    // These two wait together for the next batch; one of them carries a row the database refuses.
    const innocent = log.recordAccesses(actor, source('f2'), reads(['report']), when)
    const refused = log.recordAccesses(actor, source('f3'), reads(['report'], 'not-a-uuid'), when)
    await expect(first).resolves.toBeUndefined()
    await expect(innocent).rejects.toThrow(/uuid/)
    await expect(refused).rejects.toThrow(/uuid/)
    expect(await rowsOf('f2')).toEqual([])
    expect(await rowsOf('f3')).toEqual([])
    await log.recordAccesses(actor, source('f4'), reads(['report']), when)
    expect(await rowsOf('f4')).toHaveLength(1)
    expect(await verifyAccessLogChain(database.db)).toMatchObject({ intact: true })
  })
})
