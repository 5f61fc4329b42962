import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderPdf } from '../../platform/pdf/render-pdf.ts'
import { createCarePlanPrint, tinyPdf } from '../../test/care-record-factories.ts'
import { createClient, createLink } from '../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../test/factories.ts'
import { type LoggedIn, logIn } from '../../test/login-helper.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { storeCarePlanPrint } from './care-plan-print.service.ts'
import { pdfProblem } from '../../platform/pdf/pdf-content.ts'

const now = new Date('2026-11-25T12:00:00Z')
let t: TestApp
let login: LoggedIn
let clientId: string
let otherClientId: string
const ids: Record<string, string> = {}

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db)
  const account = await createAccount(t.db)
  const client = await createClient(t.db)
  clientId = client.id
  await createLink(t.db, account.id, client.id)
  ids.march = (await createCarePlanPrint(t.db, client.id, { plan_date: '2026-03-01', signed_on: '2026-03-08' })).id
  ids.october = (await createCarePlanPrint(t.db, client.id, { plan_date: '2026-10-11', signed_on: null, signature_sheet_pdf: null })).id
  ids.old = (await createCarePlanPrint(t.db, client.id, { plan_date: '2025-06-30' })).id
  const other = await createClient(t.db)
  otherClientId = other.id
  ids.otherClients = (await createCarePlanPrint(t.db, other.id, { plan_date: '2026-05-05' })).id
  login = await logIn(t, account)
})
afterAll(() => t.close())

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: login.headers })

describe('GET /api/clients/:clientId/care-plan-prints', () => {
  it('lists the client’s prints newest first with signed date and file sizes, never the bytes', async () => {
    const res = await get(`/api/clients/${clientId}/care-plan-prints`)
    expect(res.statusCode, res.body).toBe(200)
    const items = res.json().items
    expect(items.map((p: { id: string }) => p.id)).toEqual([ids.october, ids.march, ids.old])
    expect(items[0]).toEqual({ id: ids.october, planDate: '2026-10-11', signedOn: null, printSize: tinyPdf('print').length, signatureSheetSize: null })
    expect(items[1]).toMatchObject({ planDate: '2026-03-01', signedOn: '2026-03-08' })
    expect(res.body).not.toContain('%PDF')
  })
})

describe('PDF downloads', () => {
  it('sends the print as an attachment with a server-chosen name, nosniff and no-store', async () => {
    const res = await get(`/api/clients/${clientId}/care-plan-prints/${ids.march}/print.pdf`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.headers['content-disposition']).toBe('attachment; filename="clientplan-2026-03-01.pdf"')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.rawPayload.equals(tinyPdf('print'))).toBe(true)
  })

  it('sends the signature sheet under its own name', async () => {
    const res = await get(`/api/clients/${clientId}/care-plan-prints/${ids.march}/signature-sheet.pdf`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-disposition']).toBe('attachment; filename="handtekeningblad-2026-03-01.pdf"')
    expect(res.rawPayload.equals(tinyPdf('sheet'))).toBe(true)
  })

  it('answers 404 for a missing signature sheet, another client’s print id, and an unknown id', async () => {
    expect((await get(`/api/clients/${clientId}/care-plan-prints/${ids.october}/signature-sheet.pdf`)).statusCode).toBe(404)
    for (const file of ['print.pdf', 'signature-sheet.pdf']) {
      const res = await get(`/api/clients/${clientId}/care-plan-prints/${ids.otherClients}/${file}`)
      expect(res.statusCode).toBe(404)
      expect(res.headers['content-type']).toContain('application/json')
    }
    expect((await get(`/api/clients/${otherClientId}/care-plan-prints/${ids.otherClients}/print.pdf`)).statusCode).toBe(404)
    expect((await get(`/api/clients/${clientId}/care-plan-prints/00000000-0000-4000-8000-000000000000/print.pdf`)).statusCode).toBe(404)
  })

  it('logs each download with the print id and the link', async () => {
    const res = await get(`/api/clients/${clientId}/care-plan-prints/${ids.old}/print.pdf`)
    const row = await t.db.selectFrom('access_log').selectAll().where('request_id', '=', String(res.headers['x-request-id'])).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ action: 'read', outcome: 'success', client_id: clientId, data_kind: 'care_plan_print', record_id: ids.old })
    expect(row.on_behalf_link_id).not.toBeNull()
  })
})

describe('PDF content check', () => {
  it('accepts a real PDF from pdfkit', async () => {
    const pdf = await renderPdf({ title: 'Cliëntplan', author: 'Test' }, (doc) => {
      doc.text('Cliëntplan')
    })
    expect(await pdfProblem(pdf)).toBeNull()
  })

  it('refuses HTML, SVG, images, empty files, a missing trailer and HTML hidden behind a PDF header', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
    expect(await pdfProblem(Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'))).toBe('no_pdf_header')
    expect(await pdfProblem(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toBe('no_pdf_header')
    expect(await pdfProblem(png)).toBe('no_pdf_header')
    expect(await pdfProblem(Buffer.from('\xff\xd8\xff\xe0JFIF', 'latin1'))).toBe('no_pdf_header')
    expect(await pdfProblem(Buffer.alloc(0))).toBe('empty')
    expect(await pdfProblem(Buffer.from('%PDF-1.7\n1 0 obj\n'))).toBe('no_pdf_trailer')
    expect(await pdfProblem(Buffer.from('%PDF-1.4\n<html><body><script>alert(1)</script></body></html>\n%%EOF\n'))).toBe('markup')
    expect(await pdfProblem(Buffer.from(' %PDF-1.4\n%%EOF\n'))).toBe('no_pdf_header')
  })

  it('is enforced when a print is stored', async () => {
    const html = Buffer.from('<html><body>geen pdf</body></html>')
    await expect(storeCarePlanPrint(t.db, { clientId, planDate: '2026-11-01', signedOn: null, print: html, signatureSheet: null, uploadedByStaffId: null }, now))
      .rejects.toMatchObject({ code: 'not_a_pdf' })
    await expect(storeCarePlanPrint(t.db, { clientId, planDate: '2026-11-01', signedOn: null, print: tinyPdf(), signatureSheet: html, uploadedByStaffId: null }, now))
      .rejects.toMatchObject({ code: 'not_a_pdf' })
    const stored = await storeCarePlanPrint(t.db, { clientId, planDate: '2026-11-01', signedOn: '2026-11-02', print: tinyPdf(), signatureSheet: tinyPdf(), uploadedByStaffId: null }, now)
    expect(stored.id).toMatch(/^[0-9a-f-]{36}$/)
  })
})
