import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppointment, createCarePlanPrint, createMessage } from '../../test/care-record-factories.ts'
import { createClient, createLink, createReport, createStaffMember, createSubscription } from '../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../test/factories.ts'
import { type LoggedIn, logIn } from '../../test/login-helper.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

const now = new Date('2026-11-25T12:00:00Z')
const activatedAt = new Date('2026-06-01T00:00:00Z')
const BSN = '123456782'
const IBAN = 'NL91ABNA0417164300'
let t: TestApp
let login: LoggedIn
let noReports: LoggedIn
let clientId: string

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db, { name: 'Zorggroep De Linde' })
  const account = await createAccount(t.db)
  const other = await createAccount(t.db)
  const client = await createClient(t.db, { cipher: t.cipher, bsn: BSN, bankAccount: IBAN })
  clientId = client.id
  await createLink(t.db, account.id, client.id, { relation: 'legal_representative', activated_at: activatedAt })
  await createLink(t.db, other.id, client.id, { may_read_reports: false })
  const evv = await createStaffMember(t.db)
  await createReport(t.db, client.id, { reported_at: new Date('2026-07-01T08:00:00Z'), body: 'Na activering zichtbaar' })
  await createReport(t.db, client.id, { reported_at: new Date('2026-05-31T23:59:00Z'), body: 'Voor activering geschreven' })
  await createReport(t.db, client.id, { reported_at: new Date('2026-08-01T08:00:00Z'), body: 'Niet zichtbaar in het portaal', visible_in_portal: false })
  await createMessage(t.db, client.id, { author_staff_id: evv.id, body: 'Welkom', created_at: new Date('2026-07-02T08:00:00Z') })
  await createAppointment(t.db, client.id, { title: 'Tandarts' })
  await createCarePlanPrint(t.db, client.id)
  await createSubscription(t.db, client.id, { service: 'Kapper' })
  // Someone read the record earlier: that shows in the copy's access log.
  await t.db.insertInto('access_log').values({ action: 'read', outcome: 'success', actor_type: 'staff', actor_id: evv.id, actor_role: 'caregiver', actor_name: 'Fatima el Amrani', client_id: client.id, data_kind: 'report', record_id: null, on_behalf_link_id: null, occurred_at: new Date('2026-11-01T09:00:00Z') }).execute()
  login = await logIn(t, account)
  noReports = await logIn(t, other)
})
afterAll(() => t.close())

describe('GET copy.json', () => {
  it('holds everything the link may see, never reports from before the activation or hidden ones, with BSN and IBAN masked', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/copy.json`, headers: login.headers })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(res.headers['content-disposition']).toBe('attachment; filename="dossier-2026-11-25.json"')
    expect(res.headers['cache-control']).toBe('no-store')
    const copy = res.json()
    expect(copy.organisation).toBe('Zorggroep De Linde')
    expect(copy.link).toMatchObject({ relation: 'legal_representative', activatedAt: activatedAt.toISOString() })
    expect(copy.reports.map((r: { text: string }) => r.text)).toEqual(['Na activering zichtbaar'])
    expect(copy.messages.map((m: { body: string }) => m.body)).toEqual(['Welkom'])
    expect(copy.appointments).toHaveLength(1)
    expect(copy.carePlanPrints).toHaveLength(1)
    expect(copy.subscriptions.map((s: { service: string }) => s.service)).toEqual(['Kapper'])
    expect(copy.profile).toMatchObject({ bsnMasked: '******782', bankAccountMasked: '**************4300' })
    expect(copy.accessLog).toContainEqual(expect.objectContaining({ actorName: 'Fatima el Amrani', dataKind: 'report', action: 'read' }))
    expect(res.body).not.toContain(BSN)
    expect(res.body).not.toContain(IBAN)
    expect(res.body).not.toContain('Voor activering')
    expect(res.body).not.toContain('Niet zichtbaar')

    const log = await t.db.selectFrom('access_log').selectAll().where('request_id', '=', String(res.headers['x-request-id'])).execute()
    expect(log).toEqual([expect.objectContaining({ action: 'export', data_kind: 'record_copy_json', client_id: clientId })])
  })

  it('leaves out the sections the link may not see', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/copy.json`, headers: noReports.headers })
    expect(res.json().reports).toBeUndefined()
    expect(res.json().messages).toHaveLength(1)
  })
})

describe('GET copy.pdf', () => {
  it('is a real PDF (made from the same copy as the JSON), as an attachment, logged as an export', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/copy.pdf`, headers: login.headers })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.headers['content-disposition']).toBe('attachment; filename="dossier-2026-11-25.pdf"')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(res.rawPayload.subarray(-8).toString('latin1')).toContain('%%EOF')
    const log = await t.db.selectFrom('access_log').select(['action', 'data_kind']).where('request_id', '=', String(res.headers['x-request-id'])).execute()
    expect(log).toEqual([{ action: 'export', data_kind: 'record_copy_pdf' }])
  })
})
