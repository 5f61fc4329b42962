import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OpenDatabase } from '../db/database.ts'
import { createTestDatabase } from '../../test/test-database.ts'
import { recordAccess } from './access-log.service.ts'

let database: OpenDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(() => database.close())

const source = { ip: '192.0.2.10', userAgent: 'vitest', requestId: 'req-1' }
const actor = { type: 'account' as const, id: '5b0c2f55-1111-4c3e-9a55-000000000001', role: 'vertegenwoordiger', name: 'A. de Vries' }

describe('access log', () => {
  it('records who, on whose behalf, which client, which data, action, time, source and outcome', async () => {
    const when = new Date('2026-11-25T10:00:00Z')
    await recordAccess(database.db, actor, source, {
      action: 'read',
      outcome: 'success',
      clientId: '5b0c2f55-2222-4c3e-9a55-000000000002',
      dataKind: 'report',
      recordId: 'r-1',
      onBehalfLinkId: '5b0c2f55-3333-4c3e-9a55-000000000003',
    }, when)
    const row = await database.db.selectFrom('access_log').selectAll().where('request_id', '=', 'req-1').executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      action: 'read',
      outcome: 'success',
      actor_type: 'account',
      actor_id: actor.id,
      actor_role: 'vertegenwoordiger',
      actor_name: 'A. de Vries',
      on_behalf_link_id: '5b0c2f55-3333-4c3e-9a55-000000000003',
      client_id: '5b0c2f55-2222-4c3e-9a55-000000000002',
      data_kind: 'report',
      record_id: 'r-1',
      source_ip: '192.0.2.10',
      user_agent: 'vitest',
    })
    expect(row.occurred_at.toISOString()).toBe(when.toISOString())
  })

  it('refuses UPDATE, DELETE and TRUNCATE from the application connection', async () => {
    const before = await countRows()
    expect(before).toBeGreaterThan(0)
    await expect(database.db.updateTable('access_log').set({ outcome: 'denied' }).execute()).rejects.toThrow(/append-only/)
    await expect(database.db.deleteFrom('access_log').execute()).rejects.toThrow(/append-only/)
    await expect(sql`truncate access_log`.execute(database.db)).rejects.toThrow(/append-only/)
    expect(await countRows()).toBe(before)
    const rows = await database.db.selectFrom('access_log').select('outcome').execute()
    expect(rows.every((r) => r.outcome === 'success')).toBe(true)
  })
})

async function countRows(): Promise<number> {
  const { count } = await database.db.selectFrom('access_log').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow()
  return Number(count)
}
