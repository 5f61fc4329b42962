import { afterAll, beforeAll, expect, it } from 'vitest'
import { createAppointment, createCarePlanPrint, createMessage } from '../test/care-record-factories.ts'
import { createClient, createLink, createReport, createStaffMember, createSubscription } from '../test/client-record-factories.ts'
import { createAccount, createOrganisation, createTermsVersion } from '../test/factories.ts'
import { type LoggedIn, logIn } from '../test/login-helper.ts'
import { createTestApp, type TestApp } from '../test/test-app.ts'
import { statementsOfRequest } from '../platform/http/request-context.ts'
import { RECORD_PAGE_STATEMENTS } from './record-statements.ts'

// The bounds live in record-statements.ts, shared with `npm run bench`.

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

/** A page that gains a round trip fails here, not months later in a benchmark. */
it.each(RECORD_PAGE_STATEMENTS)('$page costs at most $atMost statements', async ({ path, atMost }) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/${path}`, headers: login.headers })
  expect(res.statusCode, res.body).toBe(200)
  const statements = counted.get(String(res.headers['x-request-id']))
  expect(statements).toBeGreaterThan(0)
  expect(statements).toBeLessThanOrEqual(atMost)
})
