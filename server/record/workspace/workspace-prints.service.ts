import type { CarePlanPrint } from '../../../shared/schemas/care-plan-prints.ts'
import { type CarePlanPrintUpload, PRINT_UPLOAD_MAX_BYTES } from '../../../shared/schemas/workspace-record.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import type { RequestSource } from '../../platform/access-log/access-log.service.ts'
import type { ActiveSession } from '../../identity/authentication/session.service.ts'
import { findPrintPdf, findPrintsOfClient } from '../care-plan-prints/care-plan-print.repository.ts'
import { type PrintFile, printRowToCarePlanPrint, storeCarePlanPrint } from '../care-plan-prints/care-plan-print.service.ts'
import { withClientOfCaregiver } from './workspace.service.ts'

/** The client's care-plan prints, newest first (the portal's list). */
export async function listPrints(db: Db, session: ActiveSession, clientId: string, source: RequestSource, now: Date): Promise<CarePlanPrint[]> {
  return withClientOfCaregiver(db, session, clientId, { action: 'read', dataKind: 'care_plan_print' }, source, now, async (trx, access) =>
    (await findPrintsOfClient(trx, access.clientId)).map(printRowToCarePlanPrint))
}

/** One PDF of one print of this client, with the name the server chooses. */
export async function downloadPrint(
  db: Db, session: ActiveSession, input: { clientId: string; printId: string; file: PrintFile }, source: RequestSource, now: Date,
): Promise<{ pdf: Buffer; fileName: string }> {
  const dataKind = input.file === 'print' ? 'care_plan_print' : 'care_plan_signature_sheet'
  return withClientOfCaregiver(db, session, input.clientId, { action: 'read', dataKind, recordId: input.printId }, source, now, async (trx, access) => {
    const row = await findPrintPdf(trx, access.clientId, input.printId, input.file)
    if (!row?.pdf) throw notFound('care plan print')
    return { pdf: row.pdf, fileName: `${input.file === 'print' ? 'clientplan' : 'handtekeningblad'}-${row.plan_date}.pdf` }
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
export async function uploadPrint(db: Db, session: ActiveSession, clientId: string, input: CarePlanPrintUpload, source: RequestSource, now: Date): Promise<CarePlanPrint> {
  return withClientOfCaregiver(db, session, clientId, { action: 'create', dataKind: 'care_plan_print', recordId: (p: CarePlanPrint) => p.id }, source, now, async (trx, access) => {
    // Decoded only after the policy: someone without access learns nothing from the answer.
    const print = uploadedBytes(input.printPdfBase64)
    const signatureSheet = input.signatureSheetPdfBase64 === null ? null : uploadedBytes(input.signatureSheetPdfBase64)
    const { id } = await storeCarePlanPrint(trx, {
      clientId: access.clientId, planDate: input.planDate, signedOn: input.signedOn, print, signatureSheet, uploadedByStaffId: access.staff.staffMemberId,
    }, now)
    return { id, planDate: input.planDate, signedOn: input.signedOn, printSize: print.length, signatureSheetSize: signatureSheet?.length ?? null }
  })
}
