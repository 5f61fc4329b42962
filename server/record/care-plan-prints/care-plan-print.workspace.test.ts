import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { htmlPaddedPdf, javascriptPdf } from '../../platform/pdf/pdf.test-support.ts'
import { tinyPdf } from '../../test/care-record-factories.ts'
import { createLink } from '../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../test/factories.ts'
import { type LoggedIn, logIn, postJson } from '../../test/login-helper.ts'
import { logInStaff } from '../../test/staff-factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { createClientOfTeam, createTeamWithCaregivers } from '../../test/workspace-factories.ts'
import { PRINT_UPLOAD_MAX_BYTES } from '../../../shared/schemas/workspace-record.ts'

/**
 * Issue 5, item 2 and "Done when"; security property 21: a signed care-plan print and its
 * signature sheet are PDFs by content, not by name, within the size limit, or nothing is stored.
 */

const now = new Date('2026-11-25T12:00:00Z')
let t: TestApp
let caregiver: LoggedIn
let daughter: LoggedIn
let clientId = ''

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db)
  const { team, caregivers } = await createTeamWithCaregivers(t.db, t.cipher)
  clientId = (await createClientOfTeam(t.db, team.id)).id
  const account = await createAccount(t.db)
  await createLink(t.db, account.id, clientId)
  caregiver = await logInStaff(t, caregivers[0]!, now)
  daughter = await logIn(t, account)
})
afterAll(() => t.close())

const upload = (print: Buffer, sheet: Buffer | null) =>
  postJson(t, `/api/workspace/clients/${clientId}/care-plan-prints`, {
    planDate: '2026-11-20', signedOn: '2026-11-24', printPdfBase64: print.toString('base64'), signatureSheetPdfBase64: sheet?.toString('base64') ?? null,
  }, caregiver.headers)
const storedCount = async () => Number((await t.db.selectFrom('care_plan_print').select((eb) => eb.fn.countAll<string>().as('n')).where('client_id', '=', clientId).executeTakeFirstOrThrow()).n)

describe('uploading a signed care-plan print', () => {
  it('stores both PDFs in the database; the portal lists and downloads them', async () => {
    const res = await upload(tinyPdf('clientplan'), tinyPdf('handtekeningblad'))
    expect(res.statusCode, res.body).toBe(201)
    const { id } = res.json()
    const row = await t.db.selectFrom('care_plan_print').select(['print_pdf', 'signature_sheet_pdf', 'uploaded_by_staff_id', 'plan_date', 'signed_on']).where('id', '=', id).executeTakeFirstOrThrow()
    expect(row.print_pdf.equals(tinyPdf('clientplan'))).toBe(true)
    expect(row.signature_sheet_pdf?.equals(tinyPdf('handtekeningblad'))).toBe(true)
    expect(row).toMatchObject({ plan_date: '2026-11-20', signed_on: '2026-11-24' })
    expect(row.uploaded_by_staff_id).not.toBeNull()

    const list = await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/care-plan-prints`, headers: daughter.headers })
    expect(list.json().items.map((p: { id: string }) => p.id)).toContain(id)
    const sheet = await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/care-plan-prints/${id}/signature-sheet.pdf`, headers: daughter.headers })
    expect(sheet.statusCode).toBe(200)
    expect(sheet.rawPayload.equals(tinyPdf('handtekeningblad'))).toBe(true)
    const staffDownload = await t.app.inject({ method: 'GET', url: `/api/workspace/clients/${clientId}/care-plan-prints/${id}/print.pdf`, headers: caregiver.headers })
    expect(staffDownload.headers['content-disposition']).toBe('attachment; filename="clientplan-2026-11-20.pdf"')
    expect(staffDownload.headers['x-content-type-options']).toBe('nosniff')

    const logged = await t.db.selectFrom('access_log').select(['actor_type', 'actor_role', 'action']).where('record_id', '=', id).where('action', '=', 'create').execute()
    expect(logged).toEqual([{ actor_type: 'staff', actor_role: 'caregiver', action: 'create' }])
  })

  const impostors: [string, Buffer][] = [
    ['HTML', Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>')],
    ['SVG', Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>')],
    ['PNG', Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')],
    ['HTML behind a PDF header', Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n')],
    // Issue 9, item 8: the whole file is parsed, not only its first KiB.
    ['HTML padded past the first KiB behind a PDF header', htmlPaddedPdf()],
    ['a PDF that runs JavaScript when opened', javascriptPdf()],
  ]
  for (const [kind, bytes] of impostors) {
    it(`refuses ${kind} named .pdf, as the print or as the signature sheet, with a clear message, and stores nothing`, async () => {
      const before = await storedCount()
      for (const res of [await upload(bytes, tinyPdf()), await upload(tinyPdf(), bytes)]) {
        expect(res.statusCode, res.body).toBe(415)
        expect(res.json().error).toMatchObject({ code: 'not_a_pdf', message: 'Dit bestand is geen PDF. Kies een PDF-bestand.' })
      }
      expect(await storedCount()).toBe(before)
    })
  }

  it('refuses a file over the size limit (413, file_too_large) and a body over the route\'s limit, storing nothing', async () => {
    const before = await storedCount()
    const big = Buffer.concat([tinyPdf().subarray(0, 20), Buffer.alloc(PRINT_UPLOAD_MAX_BYTES, 0x20), Buffer.from('\n%%EOF\n')])
    const res = await upload(big, null)
    expect(res.statusCode).toBe(413)
    expect(res.json().error.code).toBe('file_too_large')
    expect(res.json().error.message).toContain('10 MB')
    const bigger = Buffer.concat([big, Buffer.alloc(200 * 1024, 0x20)])
    const both = await upload(bigger, bigger)
    expect(both.statusCode).toBe(413)
    expect(both.json().error.code).toBe('payload_too_large')
    expect(await storedCount()).toBe(before)
  })

  it('refuses a body that is not JSON and base64 with other characters', async () => {
    const form = await t.app.inject({ method: 'POST', url: `/api/workspace/clients/${clientId}/care-plan-prints`, headers: { ...caregiver.headers, 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x--' })
    expect(form.statusCode).toBe(415)
    const res = await postJson(t, `/api/workspace/clients/${clientId}/care-plan-prints`, { planDate: '2026-11-20', signedOn: null, printPdfBase64: '<html>', signatureSheetPdfBase64: null }, caregiver.headers)
    expect(res.statusCode).toBe(400)
  })
})
