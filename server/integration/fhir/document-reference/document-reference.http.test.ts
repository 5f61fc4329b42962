import type { DocumentReference } from '@medplum/fhirtypes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, createLink } from '../../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../../test/factories.ts'
import { type LoggedIn, logIn } from '../../../test/login-helper.ts'
import { htmlPaddedPdf, javascriptPdf } from '../../../platform/pdf/pdf.test-support.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { r4DocumentReferenceExample, TINY_PDF } from '../examples/record.examples.ts'
import { ECD_SYSTEM, fhirCaller } from '../fhir.test-support.ts'

let t: TestApp
let caller: Awaited<ReturnType<typeof fhirCaller>>
let login: LoggedIn
let clientId: string
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-11-27T09:00:00Z') })
  await createOrganisation(t.db)
  caller = await fhirCaller(t)
  const account = await createAccount(t.db)
  clientId = (await createClient(t.db)).id
  await createLink(t.db, account.id, clientId)
  login = await logIn(t, account)
})
afterAll(() => t.close())

function print(ecdId: string, data: Buffer, withSheet = false): DocumentReference {
  const document = r4DocumentReferenceExample(data.toString('base64'))
  delete document.id
  document.identifier = [{ system: ECD_SYSTEM, value: ecdId }]
  document.subject = { reference: `Patient/${clientId}` }
  document.context = { period: { start: '2026-11-01' } }
  if (withSheet) document.content.push({ attachment: { contentType: 'application/pdf', data: data.toString('base64'), creation: '2026-11-03' } })
  return document
}
const put = (body: DocumentReference) =>
  t.app.inject({ method: 'PUT', url: `/fhir/DocumentReference?identifier=${encodeURIComponent(`${ECD_SYSTEM}|${body.identifier![0]!.value}`)}`, headers: caller.headers, payload: body })

describe('care-plan prints as DocumentReference', () => {
  it('a print with its signature sheet is stored, listed in the portal and read back with both PDFs', async () => {
    const created = await put(print('D-1', TINY_PDF, true))
    expect(created.statusCode, created.body).toBe(201)
    expect((await put(print('D-1', TINY_PDF, true))).headers.etag).toBe('W/"1"')
    const list = await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/care-plan-prints`, headers: login.headers })
    expect(list.statusCode).toBe(200)
    expect(JSON.stringify(list.json())).toContain('2026-11-01')
    const read = await t.app.inject({ method: 'GET', url: `/fhir/DocumentReference/${created.json<{ id: string }>().id}`, headers: caller.headers })
    const document = read.json<DocumentReference>()
    expect(document).toMatchObject({ docStatus: 'final', subject: { reference: `Patient/${clientId}` } })
    expect(document.content.map((c) => Buffer.from(c.attachment.data!, 'base64').equals(TINY_PDF))).toEqual([true, true])
    // A search lists the prints without their bytes (marked SUBSETTED); the ECD reads the one it wants.
    const search = await t.app.inject({ method: 'GET', url: `/fhir/DocumentReference?patient=${clientId}`, headers: caller.headers })
    const listed = search.json<{ entry: { resource: DocumentReference }[] }>().entry.map((e) => e.resource)
    expect(listed).toHaveLength(1)
    expect(listed[0]!.meta?.tag).toEqual([{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'SUBSETTED' }])
    expect(listed[0]!.content.map((c) => [c.attachment.data, c.attachment.size])).toEqual([[undefined, TINY_PDF.length], [undefined, TINY_PDF.length]])
  })

  it('data that is not really a PDF is 422 and stores nothing', async () => {
    const fake = Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n', 'latin1')
    const res = await put(print('D-2', fake))
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'business-rule', expression: ['DocumentReference.content[0].attachment.data'] }] })
    const text = await put(print('D-3', Buffer.from('just text')))
    expect(text.statusCode).toBe(422)
    // Issue 9, item 8: the whole file is read; HTML past the first KiB and a PDF that runs JavaScript are refused too.
    for (const [ecdId, hostile] of [['D-4', htmlPaddedPdf()], ['D-5', javascriptPdf()]] as const) {
      const res = await put(print(ecdId, hostile))
      expect(res.statusCode, ecdId).toBe(422)
      expect(res.json()).toMatchObject({ issue: [{ expression: ['DocumentReference.content[0].attachment.data'] }] })
    }
    expect(await t.db.selectFrom('care_plan_print').select('id').where('ecd_id', 'in', ['D-2', 'D-3', 'D-4', 'D-5']).execute()).toHaveLength(0)
  })
})
