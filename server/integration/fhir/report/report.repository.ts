import { type Insertable, type Selectable, sql, type Updateable } from 'kysely'
import type { Db } from '../../../platform/db/database.ts'
import { chunksOf, rowsPerStatement } from '../../../platform/db/parameter-limit.ts'
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

/** What a FHIR write sets of a report (the rest the database makes or keeps). */
export type ReportColumns = Pick<Selectable<ReportTable>, 'ecd_id' | 'client_id' | 'author_staff_id' | 'care_plan_goal' | 'body' | 'reported_at' | 'visible_in_portal'>
const REPORT_COLUMNS = 7

/** The reports with these ids or these ECD identifier values, in one statement. */
export async function findReportsByIdsOrEcdIds(db: Db, ids: readonly string[], ecdIds: readonly string[]) {
  const rowIds = [...new Set(ids.filter(isRowId))]
  const values = [...new Set(ecdIds)]
  if (rowIds.length === 0 && values.length === 0) return []
  return reports(db).where((eb) => eb.or([
    ...(rowIds.length > 0 ? [eb('report.id', 'in', rowIds)] : []),
    ...(values.length > 0 ? [eb('report.ecd_id', 'in', values)] : []),
  ])).execute()
}

/** New reports with ids chosen by the caller, in multi-row INSERTs; answers the rows as stored. */
export async function insertReports(db: Db, rows: readonly (ReportColumns & { id: string })[], now: Date): Promise<Selectable<ReportTable>[]> {
  const stored: Selectable<ReportTable>[] = []
  for (const chunk of chunksOf(rows, rowsPerStatement(REPORT_COLUMNS + 3))) {
    stored.push(...await db.insertInto('report').values(chunk.map((row) => ({ ...row, created_at: now, updated_at: now }))).returningAll().execute())
  }
  return stored
}

/**
 * Changed reports in multi-row UPDATEs (one `update ... from (values ...)` per chunk); the
 * version trigger bumps each row. Answers the rows as stored.
 */
export async function updateReports(db: Db, changes: readonly { id: string; columns: ReportColumns }[], now: Date): Promise<Selectable<ReportTable>[]> {
  const stored: Selectable<ReportTable>[] = []
  for (const chunk of chunksOf(changes, rowsPerStatement(REPORT_COLUMNS + 1) - 1)) {
    const values = sql.join(chunk.map(({ id, columns: c }) =>
      sql`(${id}::uuid, ${c.ecd_id}::text, ${c.client_id}::uuid, ${c.author_staff_id}::uuid, ${c.care_plan_goal}::text, ${c.body}::text, ${c.reported_at}::timestamptz, ${c.visible_in_portal}::boolean)`))
    const result = await sql<Selectable<ReportTable>>`
      update report set ecd_id = v.ecd_id, client_id = v.client_id, author_staff_id = v.author_staff_id, care_plan_goal = v.care_plan_goal,
        body = v.body, reported_at = v.reported_at, visible_in_portal = v.visible_in_portal, updated_at = ${now}
      from (values ${values}) as v(id, ecd_id, client_id, author_staff_id, care_plan_goal, body, reported_at, visible_in_portal)
      where report.id = v.id
      returning report.*`.execute(db)
    stored.push(...result.rows)
  }
  return stored
}
