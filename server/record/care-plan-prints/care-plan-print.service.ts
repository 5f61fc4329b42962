import type { CarePlanPrint } from '../../../shared/schemas/care-plan-prints.ts'
import { type CarePlanPrintUpload, PRINT_UPLOAD_MAX_BYTES } from '../../../shared/schemas/workspace-record.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import { findPrintPdf, findPrintsOfClient, insertPrint, type PrintListRow } from './care-plan-print.repository.ts'
import { pdfProblem } from '../../platform/pdf/pdf-content.ts'
import type { RequestContext } from '../../platform/http/request-context.ts'
import { notifyRecordChange } from '../notifications/notification.service.ts'
import { type RecordAccess, type RecordPolicy, throughRecord } from '../client-access/record-door.ts'
import { asCaregiver } from '../client-access/caregiver-access.policy.ts'
import { throughLink } from '../client-access/client-access.policy.ts'

export type PrintFile = 'print' | 'signature_sheet'

export function printRowToCarePlanPrint(row: PrintListRow): CarePlanPrint {
  return {
    id: row.id,
    planDate: row.plan_date,
    signedOn: row.signed_on,
    printSize: row.print_size,
    signatureSheetSize: row.signature_sheet_size,
  }
}

/** The portal's door (a link with the care-plan permission) and the workspace's (a caregiver of the client). */
export const carePlanDoors: Record<'portal' | 'workspace', RecordPolicy<RecordAccess>> = { portal: throughLink('care_plan'), workspace: asCaregiver }

/** "Cliëntplanafdrukken": the list, newest first, logged as one read. */
export async function listCarePlanPrints(context: RequestContext, door: RecordPolicy<RecordAccess>, clientId: string): Promise<CarePlanPrint[]> {
  return throughRecord(context, door, clientId, { action: 'read', dataKind: 'care_plan_print' }, async (trx, access) =>
    (await findPrintsOfClient(trx, access.clientId)).map(printRowToCarePlanPrint))
}

/** One PDF of one print, with the file name the server chooses; another client's print is not found. */
export async function downloadCarePlanPdf(
  context: RequestContext, door: RecordPolicy<RecordAccess>, input: { clientId: string; printId: string; file: PrintFile },
): Promise<{ pdf: Buffer; fileName: string }> {
  const dataKind = input.file === 'print' ? 'care_plan_print' : 'care_plan_signature_sheet'
  return throughRecord(context, door, input.clientId, { action: 'read', dataKind, recordId: input.printId }, async (trx, access) => {
    const row = await findPrintPdf(trx, access.clientId, input.printId, input.file)
    if (!row?.pdf) throw notFound('care plan print')
    const stem = input.file === 'print' ? 'clientplan' : 'handtekeningblad'
    return { pdf: row.pdf, fileName: `${stem}-${row.plan_date}.pdf` }
  })
}

/**
 * Stores a print and its signature sheet after checking both really are PDFs. For the staff
 * upload and the ECD push (their own issues) and the demo data; the caller logs the write.
 */
export async function storeCarePlanPrint(
  db: Db,
  input: { clientId: string; planDate: string; signedOn: string | null; print: Buffer; signatureSheet: Buffer | null; uploadedByStaffId: string | null; ecdId?: string | null },
  now: Date,
): Promise<{ id: string }> {
  for (const pdf of [input.print, input.signatureSheet]) {
    if (pdf === null) continue
    const problem = await pdfProblem(pdf)
    if (problem) throw new AppError('not_a_pdf', problem)
  }
  return insertPrint(db, {
    client_id: input.clientId,
    ecd_id: input.ecdId ?? null,
    plan_date: input.planDate,
    signed_on: input.signedOn,
    print_pdf: input.print,
    print_size: input.print.length,
    signature_sheet_pdf: input.signatureSheet,
    signature_sheet_size: input.signatureSheet?.length ?? null,
    uploaded_by_staff_id: input.uploadedByStaffId,
    created_at: now,
  })
}

/** Base64 to bytes, refused with file_too_large over the limit (before the content check). */
function uploadedBytes(base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64')
  if (bytes.length > PRINT_UPLOAD_MAX_BYTES) throw new AppError('file_too_large', `${bytes.length} bytes`)
  return bytes
}

/**
 * A signed print and its signature sheet, stored in the database after the portal's PDF content
 * check (a file named .pdf that is HTML, SVG or an image is refused, and nothing is stored).
 */
export async function uploadPrint(context: RequestContext, clientId: string, input: CarePlanPrintUpload): Promise<CarePlanPrint> {
  const { now } = context
  return throughRecord(context, asCaregiver, clientId, { action: 'create', dataKind: 'care_plan_print', recordId: (p: CarePlanPrint) => p.id }, async (trx, access) => {
    // Decoded only after the policy: someone without access learns nothing from the answer.
    const print = uploadedBytes(input.printPdfBase64)
    const signatureSheet = input.signatureSheetPdfBase64 === null ? null : uploadedBytes(input.signatureSheetPdfBase64)
    const { id } = await storeCarePlanPrint(trx, {
      clientId: access.clientId, planDate: input.planDate, signedOn: input.signedOn, print, signatureSheet, uploadedByStaffId: access.staff.staffMemberId,
    }, now)
    await notifyRecordChange(trx, { kind: 'care_plan_print', clientId: access.clientId, portalUrl: context.portalUrl }, now)
    return { id, planDate: input.planDate, signedOn: input.signedOn, printSize: print.length, signatureSheetSize: signatureSheet?.length ?? null }
  })
}
