import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFieldCipher } from '../platform/crypto/field-encryption.ts'
import type { Db } from '../platform/db/database.ts'
import { createTestDatabase } from '../test/test-database.ts'
import { seedDemoData } from './demo-data.ts'
import { REPORTS_PER_APPOINTMENT, type ScaleProgress, seedScale } from './scale.ts'

const NOW = new Date('2026-11-25T09:30:00Z')

let db: Db
let closeDatabase: () => Promise<void>

beforeAll(async () => {
  const database = await createTestDatabase()
  db = database.db
  closeDatabase = database.close
})

afterAll(async () => {
  await closeDatabase()
})

async function count(table: 'client' | 'report' | 'appointment' | 'care_assignment'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow()
  return Number(row.count)
}

describe('scale mode', () => {
  it('refuses to run before the demo data is there', async () => {
    await expect(seedScale(db, { clients: 5, reports: 10, now: NOW })).rejects.toThrow(/demo data first/)
  })

  it('adds clients, reports and appointments in batches, without any BSN', async () => {
    await seedDemoData(db, createFieldCipher(randomBytes(32)), { now: NOW, clients: 5 })
    const before = { clients: await count('client'), reports: await count('report'), appointments: await count('appointment') }
    const progress: ScaleProgress[] = []

    // A small batch size, so several batches run and report progress.
    const summary = await seedScale(db, { clients: 20, reports: 2000, now: NOW, batchSize: 700, onProgress: (p) => progress.push(p) })

    expect(summary).toEqual({ clients: 20, reports: 2000, appointments: 2000 / REPORTS_PER_APPOINTMENT })
    expect(await count('client')).toBe(before.clients + 20)
    expect(await count('report')).toBe(before.reports + 2000)
    expect(await count('appointment')).toBe(before.appointments + 100)
    expect(progress.filter((p) => p.phase === 'reports').map((p) => p.done)).toEqual([0, 700, 1400, 2000])

    const scaleClients = await db.selectFrom('client').select(['id', 'bsn_encrypted', 'bsn_lookup', 'bank_account_encrypted'])
      .where('client_number', '>=', '20000000').execute()
    expect(scaleClients).toHaveLength(20)
    for (const client of scaleClients) {
      expect(client).toMatchObject({ bsn_encrypted: null, bsn_lookup: null, bank_account_encrypted: null })
      expect(client.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/)
    }

    // Every scale client is in a team and has its share of reports, all in the past year.
    const perClient = await db.selectFrom('report')
      .innerJoin('care_assignment', (join) => join.onRef('care_assignment.client_id', '=', 'report.client_id').on('care_assignment.role', '=', 'team'))
      .select(['report.client_id', (eb) => eb.fn.countAll<string>().as('reports'), (eb) => eb.fn.max('report.reported_at').as('last')])
      .where('report.client_id', 'in', scaleClients.map((c) => c.id))
      .groupBy('report.client_id')
      .execute()
    expect(perClient).toHaveLength(20)
    for (const row of perClient) {
      expect(Number(row.reports)).toBe(100)
      expect(new Date(row.last).getTime()).toBeLessThan(NOW.getTime())
    }
  })

  it('can run again: new client numbers and ids', async () => {
    const clients = await count('client')
    await seedScale(db, { clients: 3, reports: 30, now: NOW })
    expect(await count('client')).toBe(clients + 3)
  })
})
