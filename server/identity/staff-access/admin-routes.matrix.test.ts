import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWaitingGrant } from '../../test/access-grant-factories.ts'
import { tinyPdf } from '../../test/care-record-factories.ts'
import { createClient, createLink, createTeam } from '../../test/client-record-factories.ts'
import { createAccount, createNewsItem, createOrganisation } from '../../test/factories.ts'
import { type LoggedIn, logIn } from '../../test/login-helper.ts'
import { createStaffAccount, logInStaff } from '../../test/staff-factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

/**
 * Authorization matrix of every administrator route × who asks: only an administrator who
 * logged in with an app (or passkey) succeeds; a caregiver and a portal account get 403, a staff
 * session started with SMS only gets 403 second_factor_setup_required, no session 401. Every
 * body with a field the route does not name is refused (400) before anything happens.
 */

const now = new Date('2026-11-25T12:00:00Z')
type Who = 'administrator' | 'caregiver' | 'portal' | 'smsOnlyStaff' | 'none'
const REFUSED: Who[] = ['caregiver', 'portal', 'smsOnlyStaff', 'none']

let t: TestApp
const logins = {} as Record<Exclude<Who, 'none'>, LoggedIn>
const ids = {} as Record<string, string>

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db)
  logins.administrator = await logInStaff(t, await createStaffAccount(t.db, t.cipher, { administrator: true, caregiver: false }), now)
  logins.caregiver = await logInStaff(t, await createStaffAccount(t.db, t.cipher, { caregiver: true }), now)
  logins.portal = await logIn(t, await createAccount(t.db))
  logins.smsOnlyStaff = await logIn(t, await createStaffAccount(t.db, t.cipher, { administrator: true, totp: false }))
  const client = await createClient(t.db, { family_name: 'Matrix' })
  ids.client = client.id
  for (const name of ['account', 'linkTarget', 'blocked', 'toEnd']) ids[name] = (await createAccount(t.db)).id
  await t.db.updateTable('account').set({ blocked_at: now }).where('id', '=', ids.blocked ?? '').execute()
  const link = await createLink(t.db, ids.account ?? '', client.id)
  ids.link = link.id
  ids.endLink = (await createLink(t.db, (await createAccount(t.db)).id, client.id)).id
  await t.db.updateTable('consent').set({ form_pdf: tinyPdf() }).where('id', '=', link.consent_id).execute()
  ids.consent = link.consent_id
  ids.news = (await createNewsItem(t.db)).id
  ids.deleteNews = (await createNewsItem(t.db)).id
  ids.team = (await createTeam(t.db)).id
  ids.staff = (await createStaffAccount(t.db, t.cipher)).staffMemberId
  ids.removeStaff = (await createStaffAccount(t.db, t.cipher)).staffMemberId
  for (const name of ['approveGrant', 'refuseGrant']) {
    const grantee = await createAccount(t.db)
    ids[name] = (await createWaitingGrant(t.db, client.id, { now, acceptedBy: { id: grantee.id, email: grantee.email, mobile: '+31687654321', name: grantee.display_name } })).id
  }
  ids.endGrant = (await createWaitingGrant(t.db, client.id, { now })).id
})
afterAll(() => t.close())

const allow = { reports: true, carePlan: true, appointments: true, messages: true, profile: true, subscriptions: true }
const settings = { name: 'Zorggroep', tagline: '', primaryColor: '#1f4e79', accentColor: '#e8f0f8', supportText: '', passwordMinLength: 12, passwordRequireComposition: false, sessionIdleMinutes: 15, sessionMaxHours: 12 }
const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(16)]).toString('base64')
const news = { title: 'Onderhoud', body: 'Zaterdag.', publishFrom: now.toISOString(), publishUntil: null }

interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  url: () => string
  body?: () => Record<string, unknown>
  ok: number
}

// Publishing terms comes last: from then on everyone owes an acceptance first.
const ROUTES: RouteCase[] = [
  { method: 'GET', url: () => '/api/admin/accounts', ok: 200 },
  { method: 'POST', url: () => '/api/admin/accounts', body: () => ({ loginName: 'nieuw.account', name: 'Nieuw Account', email: 'nieuw@example.org', mobilePhone: '0612345678' }), ok: 201 },
  { method: 'GET', url: () => `/api/admin/accounts/${ids.account}`, ok: 200 },
  { method: 'POST', url: () => `/api/admin/accounts/${ids.account}/welcome-email`, body: () => ({}), ok: 200 },
  { method: 'POST', url: () => `/api/admin/accounts/${ids.account}/temporary-password`, body: () => ({}), ok: 200 },
  { method: 'POST', url: () => `/api/admin/accounts/${ids.account}/second-factors/reset`, body: () => ({}), ok: 200 },
  { method: 'POST', url: () => `/api/admin/accounts/${ids.account}/block`, body: () => ({}), ok: 200 },
  { method: 'POST', url: () => `/api/admin/accounts/${ids.blocked}/unblock`, body: () => ({}), ok: 200 },
  { method: 'POST', url: () => `/api/admin/accounts/${ids.toEnd}/end`, body: () => ({}), ok: 200 },
  { method: 'GET', url: () => '/api/admin/clients?search=matrix', ok: 200 },
  {
    method: 'POST',
    url: () => `/api/admin/accounts/${ids.linkTarget}/links`,
    body: () => ({ clientId: ids.client, relation: 'informal_carer', permissions: allow, consent: { givenBy: 'client', givenByName: 'Cliënt', givenOn: '2026-11-01', scope: 'Alles', formPdfBase64: tinyPdf().toString('base64') } }),
    ok: 201,
  },
  { method: 'PUT', url: () => `/api/admin/links/${ids.link}/permissions`, body: () => ({ permissions: { ...allow, messages: false } }), ok: 200 },
  { method: 'POST', url: () => `/api/admin/links/${ids.endLink}/end`, body: () => ({ reason: 'consent_withdrawn' }), ok: 200 },
  { method: 'GET', url: () => `/api/admin/consents/${ids.consent}/form.pdf`, ok: 200 },
  { method: 'GET', url: () => '/api/admin/organisation', ok: 200 },
  { method: 'PUT', url: () => '/api/admin/organisation', body: () => settings, ok: 200 },
  { method: 'PUT', url: () => '/api/admin/organisation/logo', body: () => ({ imageBase64: png }), ok: 200 },
  { method: 'DELETE', url: () => '/api/admin/organisation/logo', ok: 200 },
  { method: 'GET', url: () => '/api/admin/organisation/login-policy', ok: 200 },
  { method: 'PUT', url: () => '/api/admin/organisation/login-policy', body: () => ({ loginPolicy: 'digid_or_strong' }), ok: 200 },
  { method: 'GET', url: () => '/api/admin/organisation/client-grants', ok: 200 },
  { method: 'PUT', url: () => '/api/admin/organisation/client-grants', body: () => ({ enabled: true, approvalRequired: false }), ok: 200 },
  { method: 'GET', url: () => '/api/admin/client-grants?show=all', ok: 200 },
  { method: 'POST', url: () => `/api/admin/client-grants/${ids.approveGrant}/approve`, body: () => ({}), ok: 200 },
  { method: 'POST', url: () => `/api/admin/client-grants/${ids.refuseGrant}/refuse`, body: () => ({}), ok: 200 },
  { method: 'POST', url: () => `/api/admin/client-grants/${ids.endGrant}/end`, body: () => ({ reason: 'consent_withdrawn' }), ok: 200 },
  { method: 'GET', url: () => '/api/admin/news', ok: 200 },
  { method: 'POST', url: () => '/api/admin/news', body: () => news, ok: 201 },
  { method: 'PUT', url: () => `/api/admin/news/${ids.news}`, body: () => ({ ...news, title: 'Gewijzigd' }), ok: 200 },
  { method: 'DELETE', url: () => `/api/admin/news/${ids.deleteNews}`, ok: 200 },
  { method: 'GET', url: () => '/api/admin/staff', ok: 200 },
  {
    method: 'POST',
    url: () => '/api/admin/staff',
    body: () => ({ loginName: 'nieuwe.collega', name: 'Nieuwe Collega', email: 'collega@zorg.example', mobilePhone: '0611111111', discipline: 'Verpleegkundige', roles: { caregiver: true, administrator: false }, teamIds: [ids.team] }),
    ok: 201,
  },
  { method: 'PUT', url: () => `/api/admin/staff/${ids.staff}/roles`, body: () => ({ caregiver: true, administrator: true }), ok: 200 },
  { method: 'PUT', url: () => `/api/admin/staff/${ids.staff}/teams`, body: () => ({ teamIds: [ids.team] }), ok: 200 },
  { method: 'POST', url: () => `/api/admin/staff/${ids.removeStaff}/remove`, body: () => ({}), ok: 200 },
  { method: 'GET', url: () => '/api/admin/teams', ok: 200 },
  { method: 'GET', url: () => '/api/admin/access-log', ok: 200 },
  { method: 'GET', url: () => '/api/admin/access-log/export.csv', ok: 200 },
  { method: 'GET', url: () => '/api/admin/terms', ok: 200 },
  { method: 'POST', url: () => '/api/admin/terms', body: () => ({ body: 'Nieuwe gebruikersvoorwaarden voor iedereen.' }), ok: 201 },
]

function request(who: Who, route: RouteCase, body?: Record<string, unknown>) {
  const headers: Record<string, string> = who === 'none' ? {} : { ...logins[who].headers }
  if (body !== undefined) headers['content-type'] = 'application/json'
  return t.app.inject({ method: route.method, url: route.url(), headers, ...(body !== undefined ? { payload: JSON.stringify(body) } : {}) })
}

/** Every `/api/admin/...` method and path the app serves, from Fastify's own route tree. */
function adminRoutesOf(app: FastifyInstance): string[] {
  const found: string[] = []
  const stack: string[] = []
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[└├]── (\S*)(?: \(([^)]*)\))?/.exec(line)
    if (!match) continue
    const depth = (match[1] ?? '').length / 4
    stack.length = depth
    stack.push(match[2] ?? '')
    const path = stack.join('')
    for (const method of (match[3] ?? '').split(', ').filter((m) => m && m !== 'HEAD')) if (path.startsWith('/api/admin/')) found.push(`${method} ${path}`)
  }
  return found.sort()
}

describe('every administrator route × who asks', () => {
  it('covers every administrator route the app serves', () => {
    const listed = ROUTES.map((r) => `${r.method} ${r.url().replace(/\?.*$/, '')}`)
    const served = adminRoutesOf(t.app)
    expect(served.length).toBeGreaterThan(20)
    for (const route of served) {
      const pattern = new RegExp(`^${route.replace(/:[A-Za-z]+/g, '[^/]+').replace(/\./g, '\\.')}$`)
      expect(listed.some((l) => pattern.test(l)), route).toBe(true)
    }
  })

  for (const route of ROUTES) {
    it(`${route.method} ${route.url().replace(/[0-9a-f-]{36}/g, ':id')}`, async () => {
      for (const who of REFUSED) {
        const res = await request(who, route, route.body?.())
        const expected = who === 'none' ? 401 : 403
        expect(res.statusCode, `${who}: ${res.body}`).toBe(expected)
        if (who === 'smsOnlyStaff') expect(res.json().error.code).toBe('second_factor_setup_required')
        if (who === 'caregiver' || who === 'portal') expect(res.json().error.code).toBe('forbidden')
      }
      const body = route.body?.()
      if (body) {
        const extra = await request('administrator', route, { ...body, createdBy: 'x' })
        expect(extra.statusCode, 'unknown field').toBe(400)
      }
      const res = await request('administrator', route, body)
      expect(res.statusCode, res.body).toBe(route.ok)
    })
  }
})
