import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../../../platform/db/database.ts'
import type { ReportTable } from '../../../record/reports/report.table.ts'
import { isRowId, lastUpdatedCondition } from '../fhir-repository-helpers.ts'
import type { SearchQuery } from '../fhir-resource-type.ts'

function reports(db: Db) {
  return db.selectFrom('report').leftJoin('staff_member', 'staff_member.id', 'report.author_staff_id').selectAll('report').select('staff_member.name as author_name')
}

export async function findReportById(db: Db, id: string) {
  if (!isRowId(id)) return undefined
  return reports(db).where('report.id', '=', id).executeTakeFirst()
}

export async function findReportByEcdId(db: Db, ecdId: string) {
  return reports(db).where('report.ecd_id', '=', ecdId).executeTakeFirst()
}

/** Reports by client and ECD identifier; oldest change first, for polling. */
export async function searchReports(db: Db, filter: { ecdId?: string; query: SearchQuery }) {
  let query = reports(db).where(lastUpdatedCondition('report.updated_at', filter.query.lastUpdated))
  if (filter.ecdId !== undefined) query = query.where('report.ecd_id', '=', filter.ecdId)
  if (filter.query.patient !== undefined) query = query.where('report.client_id', '=', filter.query.patient)
  return query.orderBy('report.updated_at').orderBy('report.id').limit(filter.query.count).execute()
}

export async function insertReport(db: Db, values: Insertable<ReportTable>) {
  const { id } = await db.insertInto('report').values(values).returning('id').executeTakeFirstOrThrow()
  return (await findReportById(db, id))!
}

export async function updateReport(db: Db, id: string, values: Updateable<ReportTable>) {
  await db.updateTable('report').set(values).where('id', '=', id).execute()
  return (await findReportById(db, id))!
}
