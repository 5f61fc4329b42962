import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, createConsent, createLink, createReport, createSubscription } from '../../test/client-record-factories.ts'
import { createAccount } from '../../test/factories.ts'
import { type LoggedIn, logIn } from '../../test/login-helper.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

/**
 * Every client-record route of part A × every kind of link: only the allowed cells succeed,
 * all others answer the same 404 (401 without a session), and each success is logged once.
 */
const now = new Date('2026-11-25T12:00:00Z')
let t: TestApp
let login: LoggedIn
const clients: Record<Cell, string> = {} as Record<Cell, string>
const links: Partial<Record<Cell, string>> = {}

type Cell = 'own' | 'another client' | 'ended link' | 'withdrawn consent' | 'no permission'

interface Route {
  method: 'GET' | 'POST'
  path: (clientId: string) => string
  /** null: readable by every active link (the access log). */
  section: string | null
  dataKind: string
}

const ROUTES: Route[] = [
  { method: 'GET', path: (id) => `/api/clients/${id}/reports`, section: 'reports', dataKind: 'report' },
  { method: 'GET', path: (id) => `/api/clients/${id}/reports?q=ontbeten&from=2026-01-01`, section: 'reports', dataKind: 'report' },
  { method: 'GET', path: (id) => `/api/clients/${id}/profile`, section: 'profile', dataKind: 'profile' },
  { method: 'POST', path: (id) => `/api/clients/${id}/profile/bsn`, section: 'profile', dataKind: 'bsn' },
  { method: 'GET', path: (id) => `/api/clients/${id}/care-team/today`, section: 'profile', dataKind: 'care_team' },
  { method: 'GET', path: (id) => `/api/clients/${id}/subscriptions`, section: 'subscriptions', dataKind: 'subscription' },
  { method: 'GET', path: (id) => `/api/clients/${id}/access-log`, section: null, dataKind: 'access_log' },
]

const NO_PERMISSIONS = { may_read_reports: false, may_read_care_plan: false, may_use_appointments: false, may_use_messages: false, may_read_profile: false, may_read_subscriptions: false }

beforeAll(async () => {
  t = await createTestApp({ now })
  const account = await createAccount(t.db)
  const stranger = await createAccount(t.db)
  const cells = ['own', 'another client', 'ended link', 'withdrawn consent', 'no permission'] as const
  for (const [index, cell] of cells.entries()) {
    const client = await createClient(t.db, { cipher: t.cipher, bsn: `11122233${index}` })
    clients[cell] = client.id
    await createReport(t.db, client.id)
    await createSubscription(t.db, client.id)
  }
  links.own = (await createLink(t.db, account.id, clients.own)).id
  await createLink(t.db, stranger.id, clients['another client'])
  await createLink(t.db, account.id, clients['ended link'], { ended_at: new Date('2026-11-01T00:00:00Z'), end_reason: 'test' })
  const withdrawn = await createConsent(t.db, clients['withdrawn consent'], { withdrawn_at: new Date('2026-11-24T00:00:00Z') })
  await createLink(t.db, account.id, clients['withdrawn consent'], { consent_id: withdrawn.id })
  links['no permission'] = (await createLink(t.db, account.id, clients['no permission'], NO_PERMISSIONS)).id
  login = await logIn(t, account)
})
afterAll(() => t.close())

function send(route: Route, clientId: string, headers: Record<string, string> | null) {
  const post = route.method === 'POST' ? { 'content-type': 'application/json' } : {}
  return t.app.inject({ method: route.method, url: route.path(clientId), headers: { ...post, ...(headers ?? {}) }, ...(route.method === 'POST' ? { payload: '{}' } : {}) })
}

async function successRows(linkId: string, dataKind: string): Promise<number> {
  const row = await t.db
    .selectFrom('access_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('on_behalf_link_id', '=', linkId)
    .where('data_kind', '=', dataKind)
    .where('outcome', '=', 'success')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

describe('authorization matrix of the client record (part A)', () => {
  for (const route of ROUTES) {
    const name = `${route.method} ${route.path(':clientId')}`

    it(`${name}: own client succeeds, with one access-log row through the link and no-store`, async () => {
      const before = await successRows(links.own ?? '', route.dataKind)
      const res = await send(route, clients.own, login.headers)
      expect(res.statusCode, res.body).toBe(200)
      expect(res.headers['cache-control']).toContain('no-store')
      expect(await successRows(links.own ?? '', route.dataKind)).toBe(before + 1)
    })

    it(`${name}: another client, an ended link, withdrawn consent answer the same 404${route.section ? ', and so does a link without the permission' : ''}`, async () => {
      const refused: Cell[] = ['another client', 'ended link', 'withdrawn consent', ...(route.section ? (['no permission'] as const) : [])]
      const bodies = new Set<string>()
      for (const cell of refused) {
        const res = await send(route, clients[cell], login.headers)
        expect(res.statusCode, `${cell}: ${res.body}`).toBe(404)
        bodies.add(res.body)
      }
      // Also an id that belongs to no client at all.
      const unknown = await send(route, '5b1e8d3c-0000-4000-8000-000000000000', login.headers)
      expect(unknown.statusCode).toBe(404)
      bodies.add(unknown.body)
      expect(bodies.size).toBe(1)
      const leaked = await t.db.selectFrom('access_log').select('id').where('client_id', 'in', refused.map((cell) => clients[cell])).where('outcome', '=', 'success').execute()
      expect(leaked).toEqual([])
      // The refusals themselves are logged (NEN 7513: outcome 'denied'), with the id that was tried
      // and how the person logged in, as a successful read is.
      const denied = await t.db.selectFrom('access_log').select(['record_id', 'auth_method', 'assurance']).where('outcome', '=', 'denied').where('data_kind', '=', route.dataKind).execute()
      for (const cell of refused) expect(denied.map((row) => row.record_id)).toContain(clients[cell])
      for (const row of denied) expect([row.auth_method, row.assurance]).toEqual([expect.any(String), expect.any(String)])
    })

    if (!route.section) {
      it(`${name}: a link without any section permission still reads it`, async () => {
        const res = await send(route, clients['no permission'], login.headers)
        expect(res.statusCode, res.body).toBe(200)
        expect(await successRows(links['no permission'] ?? '', route.dataKind)).toBeGreaterThan(0)
      })
    }

    it(`${name}: no session answers 401`, async () => {
      const res = await send(route, clients.own, null)
      expect(res.statusCode).toBe(401)
    })
  }

  it('a malformed client id is refused before any lookup (400), never a 200', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/clients/123456782/profile', headers: login.headers })
    expect(res.statusCode).toBe(400)
  })
})

describe('ending access takes effect on the very next request', () => {
  it('after the link is ended', async () => {
    const account = await createAccount(t.db)
    const client = await createClient(t.db)
    const link = await createLink(t.db, account.id, client.id)
    const session = await logIn(t, account)
    const url = `/api/clients/${client.id}/profile`
    expect((await t.app.inject({ method: 'GET', url, headers: session.headers })).statusCode).toBe(200)
    await t.db.updateTable('client_link').set({ ended_at: now, end_reason: 'test' }).where('id', '=', link.id).execute()
    expect((await t.app.inject({ method: 'GET', url, headers: session.headers })).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'GET', url: '/api/clients', headers: session.headers })).json()).toEqual({ items: [] })
  })

  it('after the consent is withdrawn', async () => {
    const account = await createAccount(t.db)
    const client = await createClient(t.db)
    const link = await createLink(t.db, account.id, client.id)
    const session = await logIn(t, account)
    const url = `/api/clients/${client.id}/reports`
    expect((await t.app.inject({ method: 'GET', url, headers: session.headers })).statusCode).toBe(200)
    await t.db.updateTable('consent').set({ withdrawn_at: now }).where('id', '=', link.consent_id).execute()
    expect((await t.app.inject({ method: 'GET', url, headers: session.headers })).statusCode).toBe(404)
  })

  it('after a permission is taken away', async () => {
    const account = await createAccount(t.db)
    const client = await createClient(t.db)
    const link = await createLink(t.db, account.id, client.id)
    const session = await logIn(t, account)
    const url = `/api/clients/${client.id}/subscriptions`
    expect((await t.app.inject({ method: 'GET', url, headers: session.headers })).statusCode).toBe(200)
    await t.db.updateTable('client_link').set({ may_read_subscriptions: false }).where('id', '=', link.id).execute()
    expect((await t.app.inject({ method: 'GET', url, headers: session.headers })).statusCode).toBe(404)
  })
})
