import type { Insertable } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import type { CarePlanPrintTable } from './care-plan-print.table.ts'

const LIST_COLUMNS = ['id', 'plan_date', 'signed_on', 'print_size', 'signature_sheet_size', 'created_at'] as const

/** A client's prints without their bytes, newest plan first. */
export async function findPrintsOfClient(db: Db, clientId: string, limit?: number) {
  return printsOfClientQuery(db, clientId, limit).execute()
}

/** The query of findPrintsOfClient, unexecuted: the home screen composes it into its one statement. */
export function printsOfClientQuery(db: Db, clientId: string, limit?: number) {
  let query = db
    .selectFrom('care_plan_print')
    .select(LIST_COLUMNS)
    .where('client_id', '=', clientId)
    .orderBy('plan_date', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
  if (limit !== undefined) query = query.limit(limit)
  return query
}

export type PrintListRow = Awaited<ReturnType<typeof findPrintsOfClient>>[number]

/** One of the two PDFs of a print, only when the print belongs to this client. */
export async function findPrintPdf(db: Db, clientId: string, printId: string, file: 'print' | 'signature_sheet') {
  const column = file === 'print' ? 'print_pdf' : 'signature_sheet_pdf'
  return db
    .selectFrom('care_plan_print')
    .select(['id', 'plan_date', `${column} as pdf`])
    .where('client_id', '=', clientId)
    .where('id', '=', printId)
    .executeTakeFirst()
}

export async function insertPrint(db: Db, row: Insertable<CarePlanPrintTable>) {
  return db.insertInto('care_plan_print').values(row).returning(['id']).executeTakeFirstOrThrow()
}
