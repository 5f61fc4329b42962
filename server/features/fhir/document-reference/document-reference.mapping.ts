import type { DocumentReference, DocumentReferenceContent, Reference } from '@medplum/fhirtypes'
import type { Selectable } from 'kysely'
import type { CarePlanPrintTable } from '../../care-plan-prints/care-plan-print.table.ts'
import { pdfProblem } from '../../care-plan-prints/pdf-content.ts'
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
function pdfOf(content: DocumentReferenceContent | undefined, index: number): Buffer {
  const expression = `DocumentReference.content[${index}].attachment`
  const attachment = content?.attachment
  if (attachment?.contentType !== 'application/pdf' || !attachment.data) throw unprocessable(expression, 'a PDF is sent inline: contentType application/pdf with base64 data')
  const bytes = Buffer.from(attachment.data, 'base64')
  const problem = pdfProblem(bytes)
  if (problem) throw unprocessable(`${expression}.data`, `the data is not an acceptable PDF (${problem})`)
  return bytes
}

/**
 * DocumentReference → care-plan print. content[0] is the print; an optional content[1] is the
 * signature sheet, whose attachment.creation is the day it was signed.
 */
export function documentToPrint(document: DocumentReference): PrintInput {
  const planDate = document.context?.period?.start?.slice(0, 10)
  if (!planDate || !/^\d{4}-\d{2}-\d{2}$/.test(planDate)) throw unprocessable('DocumentReference.context.period.start', 'the date of the care plan is required')
  const content = document.content ?? []
  if (content.length > 2) throw unprocessable('DocumentReference.content', 'a print has the plan and at most one signature sheet')
  const print = pdfOf(content[0], 0)
  const sheet = content[1] ? pdfOf(content[1], 1) : null
  const signedOn = content[1]?.attachment?.creation?.slice(0, 10) ?? null
  if (sheet && !signedOn) throw unprocessable('DocumentReference.content[1].attachment.creation', 'the signature sheet needs the date it was signed')
  return {
    subject: document.subject,
    columns: { plan_date: planDate, signed_on: signedOn, print_pdf: print, print_size: print.length, signature_sheet_pdf: sheet, signature_sheet_size: sheet?.length ?? null },
  }
}

/** Care-plan print → DocumentReference, with the PDFs inline. */
export function printToDocument(row: PrintRow, identifierSystem: string): DocumentReference {
  const content: DocumentReferenceContent[] = [{ attachment: { contentType: 'application/pdf', data: row.print_pdf.toString('base64'), size: row.print_size, title: PRINT_TITLE } }]
  if (row.signature_sheet_pdf) {
    content.push({ attachment: { contentType: 'application/pdf', data: row.signature_sheet_pdf.toString('base64'), size: row.signature_sheet_size ?? row.signature_sheet_pdf.length, title: SHEET_TITLE, ...(row.signed_on ? { creation: row.signed_on } : {}) } })
  }
  return {
    resourceType: 'DocumentReference',
    id: row.id,
    meta: { versionId: String(row.version), lastUpdated: row.updated_at.toISOString() },
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
