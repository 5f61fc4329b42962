import { sql } from 'kysely'
import type { Db } from '../../platform/db/database.ts'

export interface ReportFilter {
  clientId: string
  /** Nothing before the link's activation is ever read. */
  notBefore: Date
  from: Date | null
  /** Exclusive. */
  until: Date | null
  /** Already escaped for LIKE. */
  containsText: string | null
  after: { reportedAt: string; id: string } | null
  limit: number
}

/**
 * One page of a client's portal-visible reports, newest first, by keyset (reported_at, id):
 * served by report_portal_time_idx, or report_portal_body_trgm_idx when searching.
 */
export async function findReportPage(db: Db, filter: ReportFilter) {
  return reportPageQuery(db, filter).execute()
}

/** The query of findReportPage, unexecuted: tests EXPLAIN it. */
export function reportPageQuery(db: Db, filter: ReportFilter) {
  let query = db
    .selectFrom('report')
    .leftJoin('team', 'team.id', 'report.team_id')
    .leftJoin('staff_member', 'staff_member.id', 'report.author_staff_id')
    .select([
      'report.id', 'report.reported_at', 'report.author_role', 'report.care_plan_goal', 'report.body',
      'team.name as team_name', 'staff_member.name as author_name',
      // Microseconds kept: a cursor rounded to milliseconds could skip or repeat a report.
      sql<string>`to_char(report.reported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('cursor_at'),
    ])
    .where('report.client_id', '=', filter.clientId)
    .where('report.visible_in_portal', '=', true)
    .where('report.reported_at', '>=', filter.notBefore)
  if (filter.from) query = query.where('report.reported_at', '>=', filter.from)
  if (filter.until) query = query.where('report.reported_at', '<', filter.until)
  if (filter.containsText !== null) query = query.where('report.body', 'ilike', `%${filter.containsText}%`)
  const after = filter.after
  if (after) {
    query = query.where((eb) => eb(eb.refTuple('report.reported_at', 'report.id'), '<', eb.tuple(sql<Date>`${after.reportedAt}::timestamptz`, sql<string>`${after.id}::uuid`)))
  }
  return query.orderBy('report.reported_at', 'desc').orderBy('report.id', 'desc').limit(filter.limit)
}

export type ReportRow = Awaited<ReturnType<typeof findReportPage>>[number]

/** The organisation's choice to show report authors' names in the portal. */
export async function findShowAuthorName(db: Db): Promise<boolean> {
  const row = await db.selectFrom('organisation').select('show_report_author_name').executeTakeFirst()
  return row?.show_report_author_name ?? false
}
