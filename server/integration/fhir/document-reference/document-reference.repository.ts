import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../../../platform/db/database.ts'
import type { CarePlanPrintTable } from '../../../record/care-plan-prints/care-plan-print.table.ts'
import { isRowId, lastUpdatedCondition } from '../fhir-repository-helpers.ts'
import type { SearchQuery } from '../fhir-resource-type.ts'

export async function findPrintById(db: Db, id: string) {
  if (!isRowId(id)) return undefined
  return db.selectFrom('care_plan_print').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findPrintByEcdId(db: Db, ecdId: string) {
  return db.selectFrom('care_plan_print').selectAll().where('ecd_id', '=', ecdId).executeTakeFirst()
}

// A search leaves the PDF bytes in the database: the ECD reads the one it wants by id.
const SUMMARY_COLUMNS = ['id', 'ecd_id', 'client_id', 'plan_date', 'signed_on', 'print_size', 'signature_sheet_size', 'uploaded_by_staff_id', 'created_at', 'updated_at', 'version'] as const

/** Prints by client and ECD identifier, without their PDFs; oldest change first, for polling. */
export async function searchPrints(db: Db, filter: { ecdId?: string; query: SearchQuery }) {
  let query = db.selectFrom('care_plan_print').select(SUMMARY_COLUMNS).where(lastUpdatedCondition('care_plan_print.updated_at', filter.query.lastUpdated))
  if (filter.ecdId !== undefined) query = query.where('ecd_id', '=', filter.ecdId)
  if (filter.query.patient !== undefined) query = query.where('client_id', '=', filter.query.patient)
  return query.orderBy('updated_at').orderBy('id').limit(filter.query.count).execute()
}

export async function insertEcdPrint(db: Db, values: Insertable<CarePlanPrintTable>) {
  return db.insertInto('care_plan_print').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function updateEcdPrint(db: Db, id: string, values: Updateable<CarePlanPrintTable>) {
  return db.updateTable('care_plan_print').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}
