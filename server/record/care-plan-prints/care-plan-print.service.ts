import type { CarePlanPrint } from '../../../shared/schemas/care-plan-prints.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import type { RequestSource } from '../../platform/access-log/access-log.service.ts'
import type { ActiveSession } from '../../identity/authentication/session.service.ts'
import { readThroughLink } from '../client-access/client-access.service.ts'
import { findPrintPdf, findPrintsOfClient, insertPrint, type PrintListRow } from './care-plan-print.repository.ts'
import { pdfProblem } from '../../platform/pdf/pdf-content.ts'

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

/** "Cliëntplanafdrukken": the list, newest first, logged as one read. */
export async function listCarePlanPrints(db: Db, session: ActiveSession, clientId: string, source: RequestSource, now: Date): Promise<CarePlanPrint[]> {
  return readThroughLink(db, session, clientId, { section: 'care_plan', dataKind: 'care_plan_print' }, source, now, async (trx, access) =>
    (await findPrintsOfClient(trx, access.clientId)).map(printRowToCarePlanPrint))
}

/** One PDF of one print, with the file name the server chooses; another client's print is not found. */
export async function downloadCarePlanPdf(
  db: Db,
  session: ActiveSession,
  input: { clientId: string; printId: string; file: PrintFile },
  source: RequestSource,
  now: Date,
): Promise<{ pdf: Buffer; fileName: string }> {
  const dataKind = input.file === 'print' ? 'care_plan_print' : 'care_plan_signature_sheet'
  return readThroughLink(db, session, input.clientId, { section: 'care_plan', dataKind, recordId: input.printId }, source, now, async (trx, access) => {
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
