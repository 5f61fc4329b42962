import { describe, expect, it } from 'vitest'
import { r4DocumentReferenceExample, TINY_PDF } from '../examples/record.examples.ts'
import { validateFhirResource } from '../fhir-validator.ts'
import { documentToPrint, type PrintRow, printToDocument } from './document-reference.mapping.ts'

const PDF = TINY_PDF.toString('base64')

describe('DocumentReference → care-plan print', () => {
  it('reads the R4 example with its PDF inline: the plan date and the PDF bytes', async () => {
    const example = r4DocumentReferenceExample(PDF)
    validateFhirResource(example)
    expect(await documentToPrint(example)).toEqual({
      subject: { reference: 'Patient/xcda' },
      columns: { plan_date: '2004-12-23', signed_on: null, print_pdf: TINY_PDF, print_size: TINY_PDF.length, signature_sheet_pdf: null, signature_sheet_size: null },
    })
  })

  it('refuses data that is not really a PDF (HTML named as a PDF), and a PDF by URL', async () => {
    const html = r4DocumentReferenceExample(Buffer.from('<html><script>alert(1)</script></html>').toString('base64'))
    await expect(documentToPrint(html)).rejects.toMatchObject({ code: 'unprocessable' })
    const byUrl = r4DocumentReferenceExample(PDF)
    byUrl.content[0]!.attachment = { contentType: 'application/pdf', url: 'http://example.org/xds/mhd/Binary/07a6483f-732b-461e-86b6-edb665c45510' }
    await expect(documentToPrint(byUrl)).rejects.toMatchObject({ code: 'unprocessable' })
  })
})

describe('care-plan print → DocumentReference', () => {
  it('a signed print with its signature sheet is valid R4 and reads back the same', async () => {
    const example = r4DocumentReferenceExample(PDF)
    example.content.push({ attachment: { contentType: 'application/pdf', data: PDF, creation: '2004-12-27' } })
    const { columns } = await documentToPrint(example)
    expect(columns.signed_on).toBe('2004-12-27')
    const row: PrintRow = { ...columns, id: '0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0001', ecd_id: 'D-1', client_id: '0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0002', uploaded_by_staff_id: null, created_at: new Date('2026-11-27T09:00:00Z'), updated_at: new Date('2026-11-27T09:00:00Z'), version: 1 }
    const document = printToDocument(row, 'urn:oid:1.2.3')
    validateFhirResource(document)
    expect(document).toMatchObject({ docStatus: 'final', identifier: [{ system: 'urn:oid:1.2.3', value: 'D-1' }], context: { period: { start: '2004-12-23' } } })
    expect((await documentToPrint(document)).columns).toEqual(columns)
    const { print_pdf: _print, signature_sheet_pdf: _sheet, ...summary } = row
    const listed = printToDocument(summary, 'urn:oid:1.2.3')
    validateFhirResource(listed)
    expect(listed.content.every((c) => c.attachment.data === undefined && c.attachment.size === TINY_PDF.length)).toBe(true)
  })
})
