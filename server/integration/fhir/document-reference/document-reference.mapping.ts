import type { DocumentReference, DocumentReferenceContent, Reference } from '@medplum/fhirtypes'
import type { Selectable } from 'kysely'
import type { CarePlanPrintTable } from '../../../record/care-plan-prints/care-plan-print.table.ts'
import { pdfProblem } from '../../../platform/pdf/pdf-content.ts'
import { unprocessable } from '../fhir-errors.ts'
import { patientReference } from '../fhir-references.ts'

export type PrintRow = Selectable<CarePlanPrintTable>

/** LOINC 18776-5 "Plan of care note": a signed print of the care plan. */
export const PLAN_OF_CARE = { system: 'http://loinc.org', code: '18776-5', display: 'Plan of care note' } as const
const PRINT_TITLE = 'Cliëntplan'
const SHEET_TITLE = 'Handtekeningenblad'

export interface PrintInput {
  subject: Reference | undefined
  columns: { plan_date: string; signed_on: string | null; print_pdf: Buffer; print_size: number; signature_sheet_pdf: Buffer | null; signature_sheet_size: number | null }
}

/** One attachment's bytes, which must really be a PDF (the portal's upload check): 422 otherwise. */
async function pdfOf(content: DocumentReferenceContent | undefined, index: number): Promise<Buffer> {
  const expression = `DocumentReference.content[${index}].attachment`
  const attachment = content?.attachment
  if (attachment?.contentType !== 'application/pdf' || !attachment.data) throw unprocessable(expression, 'a PDF is sent inline: contentType application/pdf with base64 data')
  const bytes = Buffer.from(attachment.data, 'base64')
  const problem = await pdfProblem(bytes)
  if (problem) throw unprocessable(`${expression}.data`, `the data is not an acceptable PDF (${problem})`)
  return bytes
}

/**
 * DocumentReference → care-plan print. content[0] is the print; an optional content[1] is the
 * signature sheet, whose attachment.creation is the day it was signed.
 */
export async function documentToPrint(document: DocumentReference): Promise<PrintInput> {
  const planDate = document.context?.period?.start?.slice(0, 10)
  if (!planDate || !/^\d{4}-\d{2}-\d{2}$/.test(planDate)) throw unprocessable('DocumentReference.context.period.start', 'the date of the care plan is required')
  const content = document.content ?? []
  if (content.length > 2) throw unprocessable('DocumentReference.content', 'a print has the plan and at most one signature sheet')
  const print = await pdfOf(content[0], 0)
  const sheet = content[1] ? await pdfOf(content[1], 1) : null
  const signedOn = content[1]?.attachment?.creation?.slice(0, 10) ?? null
  if (sheet && !signedOn) throw unprocessable('DocumentReference.content[1].attachment.creation', 'the signature sheet needs the date it was signed')
  return {
    subject: document.subject,
    columns: { plan_date: planDate, signed_on: signedOn, print_pdf: print, print_size: print.length, signature_sheet_pdf: sheet, signature_sheet_size: sheet?.length ?? null },
  }
}

/** A print without its PDF bytes: what a search reads (up to 500 prints of up to 20 MB each would not fit). */
export type PrintSummaryRow = Omit<PrintRow, 'print_pdf' | 'signature_sheet_pdf'> & Partial<Pick<PrintRow, 'print_pdf' | 'signature_sheet_pdf'>>

/** FHIR's mark for a resource with elements left out, as `_summary` answers carry. */
const SUBSETTED = { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'SUBSETTED' } as const

/** Care-plan print → DocumentReference: the PDFs inline when the row has them (a read), else only their size (a search, marked SUBSETTED). */
export function printToDocument(row: PrintSummaryRow, identifierSystem: string): DocumentReference {
  const withData = row.print_pdf !== undefined
  const content: DocumentReferenceContent[] = [{ attachment: { contentType: 'application/pdf', ...(row.print_pdf ? { data: row.print_pdf.toString('base64') } : {}), size: row.print_size, title: PRINT_TITLE } }]
  if (row.signature_sheet_size !== null) {
    const data = row.signature_sheet_pdf ? { data: row.signature_sheet_pdf.toString('base64') } : {}
    content.push({ attachment: { contentType: 'application/pdf', ...data, size: row.signature_sheet_size, title: SHEET_TITLE, ...(row.signed_on ? { creation: row.signed_on } : {}) } })
  }
  return {
    resourceType: 'DocumentReference',
    id: row.id,
    meta: { versionId: String(row.version), lastUpdated: row.updated_at.toISOString(), ...(withData ? {} : { tag: [{ ...SUBSETTED }] }) },
    ...(row.ecd_id ? { identifier: [{ system: identifierSystem, value: row.ecd_id }] } : {}),
    status: 'current',
    docStatus: row.signed_on ? 'final' : 'preliminary',
    type: { coding: [{ ...PLAN_OF_CARE }], text: PRINT_TITLE },
    subject: patientReference(row.client_id),
    date: row.created_at.toISOString(),
    content,
    context: { period: { start: row.plan_date } },
  }
}
