import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, createLink, createSubscription } from '../../test/client-record-factories.ts'
import { createAccount } from '../../test/factories.ts'
import { logIn } from '../../test/login-helper.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-11-25T12:00:00Z') })
})
afterAll(() => t.close())

describe('GET /api/clients/:clientId/subscriptions', () => {
  it('lists service, supplier and period, running ones first, only of this client', async () => {
    const account = await createAccount(t.db)
    const client = await createClient(t.db)
    const other = await createClient(t.db)
    await createLink(t.db, account.id, client.id)
    await createSubscription(t.db, client.id, { service: 'Kapper, Pedicure', supplier: 'Topaz', starts_on: '2019-01-01' })
    await createSubscription(t.db, client.id, { service: 'Krant', supplier: 'Leidsch Dagblad', starts_on: '2020-05-01', ends_on: '2024-12-31' })
    await createSubscription(t.db, other.id, { service: 'Niet van deze cliënt' })
    const res = await t.app.inject({ method: 'GET', url: `/api/clients/${client.id}/subscriptions`, headers: (await logIn(t, account)).headers })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().items).toEqual([
      { id: expect.any(String), service: 'Kapper, Pedicure', supplier: 'Topaz', startsOn: '2019-01-01', endsOn: null },
      { id: expect.any(String), service: 'Krant', supplier: 'Leidsch Dagblad', startsOn: '2020-05-01', endsOn: '2024-12-31' },
    ])
    const log = await t.db.selectFrom('access_log').selectAll().where('data_kind', '=', 'subscription').execute()
    expect(log).toMatchObject([{ action: 'read', outcome: 'success', client_id: client.id, on_behalf_link_id: expect.any(String) }])
  })
})
