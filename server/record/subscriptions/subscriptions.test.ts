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

describe('the home card and the Abonnementen page agree', () => {
  it('one order for both: running today first (also one that ends later), then the latest start; the card shows the page\'s first three', async () => {
    const account = await createAccount(t.db)
    const client = await createClient(t.db)
    await createLink(t.db, account.id, client.id)
    // Ends next month: still running today, so it belongs among the running ones on both screens.
    await createSubscription(t.db, client.id, { service: 'Maaltijden', supplier: 'Apetito', starts_on: '2021-03-01', ends_on: '2026-12-31' })
    await createSubscription(t.db, client.id, { service: 'Krant', supplier: 'Leidsch Dagblad', starts_on: '2022-05-01', ends_on: '2024-12-31' })
    await createSubscription(t.db, client.id, { service: 'Kapper', supplier: 'Topaz', starts_on: '2019-01-01' })
    await createSubscription(t.db, client.id, { service: 'Alarmering', supplier: 'Topaz', starts_on: '2019-01-01' })
    await createSubscription(t.db, client.id, { service: 'Wasservice', supplier: 'Topaz', starts_on: '2025-01-01', ends_on: '2026-11-25' })
    const { headers } = await logIn(t, account)
    const page = await t.app.inject({ method: 'GET', url: `/api/clients/${client.id}/subscriptions`, headers })
    const home = await t.app.inject({ method: 'GET', url: `/api/clients/${client.id}/home`, headers })
    expect(page.statusCode, page.body).toBe(200)
    expect(home.statusCode, home.body).toBe(200)
    const services = page.json<{ items: { service: string }[] }>().items.map((item) => item.service)
    // Ending today still runs today; ties on the start date go by service.
    expect(services).toEqual(['Wasservice', 'Maaltijden', 'Alarmering', 'Kapper', 'Krant'])
    const card = home.json<{ subscriptions: { items: unknown[]; total: number } }>().subscriptions
    expect(card.items).toEqual(page.json<{ items: unknown[] }>().items.slice(0, 3))
    expect(card.total).toBe(5)
  })
})
