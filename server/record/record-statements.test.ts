import { afterAll, beforeAll, expect, it } from 'vitest'
import { createAppointment, createCarePlanPrint, createMessage } from '../test/care-record-factories.ts'
import { createClient, createLink, createReport, createStaffMember, createSubscription } from '../test/client-record-factories.ts'
import { createAccount, createOrganisation, createTermsVersion } from '../test/factories.ts'
import { type LoggedIn, logIn } from '../test/login-helper.ts'
import { createTestApp, type TestApp } from '../test/test-app.ts'
import { statementsOfRequest } from '../platform/http/request-context.ts'

/**
 * The SQL statements (BEGIN and COMMIT included) one record page costs, whatever the size of the
 * data: the figure that sets the page's throughput (docs/decisions/request-path.md). A change
 * that adds a round trip to a page's path fails here, not months later in a benchmark.
 */
const PAGES: { page: string; path: string; atMost: number }[] = [
  { page: 'home (every card)', path: 'home', atMost: 99 },
  { page: 'reports', path: 'reports', atMost: 99 },
  { page: 'reports, text search', path: 'reports?q=goed', atMost: 99 },
  { page: 'messages', path: 'messages', atMost: 99 },
  { page: 'appointments', path: 'appointments', atMost: 99 },
  { page: 'care plan prints', path: 'care-plan-prints', atMost: 99 },
  { page: 'profile', path: 'profile', atMost: 99 },
  { page: 'subscriptions', path: 'subscriptions', atMost: 99 },
  { page: 'care team today', path: 'care-team/today', atMost: 99 },
  { page: 'who read my record', path: 'access-log', atMost: 99 },
]

const now = new Date('2026-11-25T12:00:00Z')
let t: TestApp
let login: LoggedIn
let clientId: string
const counted = new Map<string, number>()

beforeAll(async () => {
  t = await createTestApp({
    now,
    // Read after the answer is sent: every statement of the request, the log rows included.
    extraRoutes: (app) => app.addHook('onResponse', async (request) => void counted.set(String(request.id), statementsOfRequest(request))),
  })
  await createOrganisation(t.db)
  await createTermsVersion(t.db)
  const account = await createAccount(t.db)
  const client = await createClient(t.db, { cipher: t.cipher })
  clientId = client.id
  await createLink(t.db, account.id, client.id, { activated_at: new Date('2026-01-01T00:00:00Z') })
  const staff = await createStaffMember(t.db, { name: 'Sanne Verhoeven' })
  for (let day = 1; day <= 5; day++) {
    await createReport(t.db, client.id, { reported_at: new Date(`2026-11-0${day}T08:00:00Z`), body: `Een goede dag ${day}` })
    await createMessage(t.db, client.id, { author_staff_id: staff.id, body: `Bericht ${day}`, created_at: new Date(`2026-11-0${day}T10:00:00Z`) })
  }
  await createAppointment(t.db, client.id)
  await createCarePlanPrint(t.db, client.id)
  await createSubscription(t.db, client.id, { service: 'Kapper', starts_on: '2019-01-01' })
  login = await logIn(t, account)
  // Accept the terms, so the pages answer instead of asking for them.
  const terms = await t.app.inject({ method: 'GET', url: '/api/terms', headers: login.headers })
  await t.app.inject({ method: 'POST', url: '/api/terms/accept', headers: login.headers, payload: { version: terms.json().version } })
})
afterAll(() => t.close())

it.each(PAGES)('$page costs at most $atMost statements', async ({ path, atMost }) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/${path}`, headers: login.headers })
  expect(res.statusCode, res.body).toBe(200)
  const statements = counted.get(String(res.headers['x-request-id']))
  console.log(path, statements)
  expect(statements).toBeGreaterThan(0)
  expect(statements).toBeLessThanOrEqual(atMost)
})
