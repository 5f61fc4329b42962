import { type Insertable, type Selectable, sql, type Updateable } from 'kysely'
import type { Db } from '../../../platform/db/database.ts'
import { anyOf, arrayOf } from '../../../platform/db/bulk-parameters.ts'
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

/** The reports with these ids or these ECD identifier values, in one statement. */
export async function findReportsByIdsOrEcdIds(db: Db, ids: readonly string[], ecdIds: readonly string[]) {
  const rowIds = [...new Set(ids.filter(isRowId))]
  const values = [...new Set(ecdIds)]
  if (rowIds.length === 0 && values.length === 0) return []
  return reports(db).where((eb) => eb.or([
    ...(rowIds.length > 0 ? [eb('report.id', '=', anyOf(rowIds, 'uuid'))] : []),
    ...(values.length > 0 ? [eb('report.ecd_id', '=', anyOf(values, 'text'))] : []),
  ])).execute()
}

/** The columns of many reports as one array per column, for `unnest` (bulk-parameters.ts `arrayOf`). */
function columnArrays(rows: readonly (ReportColumns & { id: string })[]) {
  return sql.join([
    arrayOf(rows.map((r) => r.id), 'uuid'),
    arrayOf(rows.map((r) => r.ecd_id), 'text'),
    arrayOf(rows.map((r) => r.client_id), 'uuid'),
    arrayOf(rows.map((r) => r.author_staff_id), 'uuid'),
    arrayOf(rows.map((r) => r.care_plan_goal), 'text'),
    arrayOf(rows.map((r) => r.body), 'text'),
    arrayOf(rows.map((r) => r.reported_at), 'timestamptz'),
    arrayOf(rows.map((r) => r.visible_in_portal), 'boolean'),
  ])
}

/** New reports with ids chosen by the caller, in one INSERT; answers the rows as stored. */
export async function insertReports(db: Db, rows: readonly (ReportColumns & { id: string })[], now: Date): Promise<Selectable<ReportTable>[]> {
  if (rows.length === 0) return []
  const result = await sql<Selectable<ReportTable>>`
    insert into report (id, ecd_id, client_id, author_staff_id, care_plan_goal, body, reported_at, visible_in_portal, created_at, updated_at)
    select v.*, ${now}::timestamptz, ${now}::timestamptz
    from unnest(${columnArrays(rows)}) as v(id, ecd_id, client_id, author_staff_id, care_plan_goal, body, reported_at, visible_in_portal)
    returning *`.execute(db)
  return result.rows
}

/** Changed reports in one UPDATE; the version trigger bumps each row. Answers the rows as stored. */
export async function updateReports(db: Db, changes: readonly { id: string; columns: ReportColumns }[], now: Date): Promise<Selectable<ReportTable>[]> {
  if (changes.length === 0) return []
  const result = await sql<Selectable<ReportTable>>`
    update report set ecd_id = v.ecd_id, client_id = v.client_id, author_staff_id = v.author_staff_id, care_plan_goal = v.care_plan_goal,
      body = v.body, reported_at = v.reported_at, visible_in_portal = v.visible_in_portal, updated_at = ${now}::timestamptz
    from unnest(${columnArrays(changes.map(({ id, columns }) => ({ ...columns, id })))}) as v(id, ecd_id, client_id, author_staff_id, care_plan_goal, body, reported_at, visible_in_portal)
    where report.id = v.id
    returning report.*`.execute(db)
  return result.rows
}
