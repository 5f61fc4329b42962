import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OpenDatabase } from '../../platform/db/database.ts'
import { down, up } from '../../platform/db/migrations/2026-12-07T14-00-00_fhir-source-identifiers.ts'
import { recordAccess } from '../../platform/access-log/access-log.service.ts'
import { createClient, createTeam } from '../../test/client-record-factories.ts'
import { createTestDatabase } from '../../test/test-database.ts'
import { createIntegrationClient } from './integration-client.service.ts'

let database: OpenDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(() => database.close())

describe('migration 2026-12-07T14-00-00_fhir-source-identifiers', () => {
  it('gives existing ECD numbers the system of the client that created them, else that of the oldest client', async () => {
    const db = database.db
    await down(db)
    const older = await createIntegrationClient(db, { name: 'ECD', identifierSystem: 'urn:oid:1.1', scopes: ['system/*.*'] })
    await db.updateTable('integration_client').set({ created_at: new Date('2026-01-01T00:00:00Z') }).where('id', '=', older.clientId).execute()
    const planner = await createIntegrationClient(db, { name: 'Planning', identifierSystem: 'urn:oid:2.2', scopes: ['system/*.*'] })
    const byPlanner = await createClient(db, { ecd_id: 'C-1' })
    const team = await createTeam(db, { ecd_id: 'T-1' })
    await createClient(db)
    await recordAccess(db, { type: 'integration', id: planner.clientId, role: 'ecd', name: 'Planning' }, { ip: '', userAgent: '', requestId: '' },
      { action: 'create', outcome: 'success', clientId: byPlanner.id, dataKind: 'client_profile', recordId: byPlanner.id }, new Date())

    await up(db)

    const rows = await db.selectFrom('fhir_source_identifier').select(['resource_type', 'system', 'value', 'row_id', 'owner']).orderBy('value').execute()
    expect(rows).toEqual([
      { resource_type: 'Patient', system: 'urn:oid:2.2', value: 'C-1', row_id: byPlanner.id, owner: true },
      { resource_type: 'Organization', system: 'urn:oid:1.1', value: 'T-1', row_id: team.id, owner: true },
    ])
  })
})
