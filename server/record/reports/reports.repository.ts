import { type Insertable, sql, type Updateable } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import { reusableQuery } from '../../platform/db/reusable-query.ts'
import { cursorId, cursorInstant, cursorTime, type KeysetPosition } from '../../platform/http/keyset-cursor.ts'
import type { ReportVersionTable } from './report-version.table.ts'
import type { ReportTable } from './report.table.ts'

export interface ReportFilter {
  clientId: string
  /** Nothing before the link's activation is ever read. */
  notBefore: Date
  from: Date | null
  /** Exclusive. */
  until: Date | null
  /** An ILIKE pattern for "contains" (contains-pattern.ts containsPattern), or null for every report. */
  containsPattern: string | null
  after: KeysetPosition | null
  limit: number
}

/**
 * The portal's page: one page of a client's portal-visible reports, newest first, by keyset (reported_at, id):
 * served by report_portal_time_idx, or report_portal_body_trgm_idx when searching. Rapportages is
 * the portal's busiest page after home: built once per shape (reusable-query.ts).
 */
export const findReportPage = reusableQuery('report page', reportPageQuery)

/** The query of findReportPage, unexecuted: tests EXPLAIN it, the home screen composes it into its one statement. */
export function reportPageQuery(db: Db, filter: ReportFilter) {
  let query = db
    .selectFrom('report')
    .leftJoin('team', 'team.id', 'report.team_id')
    .leftJoin('staff_member', 'staff_member.id', 'report.author_staff_id')
    .select([
      'report.id', 'report.reported_at', 'report.author_role', 'report.care_plan_goal', 'report.body',
      'team.name as team_name', 'staff_member.name as author_name',
      cursorTime('report.reported_at').as('cursor_at'),
      // The organisation's choice (findShowAuthorName) read in the same statement: one round trip less per page.
      sql<boolean | null>`(select show_report_author_name from organisation order by id limit 1)`.as('show_author_name'),
    ])
    .where('report.client_id', '=', filter.clientId)
    .where('report.visible_in_portal', '=', true)
    .where('report.reported_at', '>=', filter.notBefore)
  if (filter.from) query = query.where('report.reported_at', '>=', filter.from)
  if (filter.until) query = query.where('report.reported_at', '<', filter.until)
  if (filter.containsPattern !== null) query = query.where('report.body', 'ilike', filter.containsPattern)
  const after = filter.after
  if (after) {
    query = query.where((eb) => eb(eb.refTuple('report.reported_at', 'report.id'), '<', eb.tuple(cursorInstant(after), cursorId(after))))
  }
  return query.orderBy('report.reported_at', 'desc').orderBy('report.id', 'desc').limit(filter.limit)
}

export type ReportRow = Awaited<ReturnType<typeof findReportPage>>[number]

/** The organisation's choice to show report authors' names in the portal. */
export async function findShowAuthorName(db: Db): Promise<boolean> {
  const row = await db.selectFrom('organisation').select('show_report_author_name').executeTakeFirst()
  return row?.show_report_author_name ?? false
}

/** The workspace's page: all the client's reports (hidden ones too unless `portalOnly`), newest first, keyset (reported_at, id). */
export async function findWorkspaceReportPage(db: Db, input: { clientId: string; portalOnly: boolean; after: KeysetPosition | null; limit: number }) {
  let query = db
    .selectFrom('report')
    .leftJoin('team', 'team.id', 'report.team_id')
    .leftJoin('staff_member', 'staff_member.id', 'report.author_staff_id')
    .select((eb) => [
      'report.id', 'report.reported_at', 'report.author_role', 'report.author_staff_id', 'report.care_plan_goal', 'report.body',
      'report.visible_in_portal', 'report.created_at', 'team.name as team_name', 'staff_member.name as author_name',
      cursorTime('report.reported_at').as('cursor_at'),
      eb.selectFrom('report_version').select((v) => v.fn.countAll<string>().as('n')).whereRef('report_version.report_id', '=', 'report.id').as('versions'),
    ])
    .where('report.client_id', '=', input.clientId)
  if (input.portalOnly) query = query.where('report.visible_in_portal', '=', true)
  const after = input.after
  if (after) query = query.where((eb) => eb(eb.refTuple('report.reported_at', 'report.id'), '<', eb.tuple(cursorInstant(after), cursorId(after))))
  return query.orderBy('report.reported_at', 'desc').orderBy('report.id', 'desc').limit(input.limit).execute()
}

export type WorkspaceReportRow = Awaited<ReturnType<typeof findWorkspaceReportPage>>[number]

/** One report of this client, locked for a correction; another client's id finds nothing. */
export async function findReportForUpdate(db: Db, clientId: string, reportId: string) {
  return db
    .selectFrom('report')
    .select(['id', 'author_staff_id', 'reported_at', 'care_plan_goal', 'body', 'visible_in_portal', 'created_at', 'updated_at'])
    .where('client_id', '=', clientId)
    .where('id', '=', reportId)
    .forUpdate()
    .executeTakeFirst()
}

export async function insertReport(db: Db, row: Insertable<ReportTable>) {
  return db.insertInto('report').values(row).returning('id').executeTakeFirstOrThrow()
}

export async function updateReport(db: Db, reportId: string, changes: Updateable<ReportTable>) {
  await db.updateTable('report').set(changes).where('id', '=', reportId).execute()
}

/** Keeps the text a correction replaces, numbered after the ones kept before. */
export async function insertReportVersion(db: Db, row: Omit<Insertable<ReportVersionTable>, 'version'>) {
  await db
    .insertInto('report_version')
    .values((eb) => ({
      ...row,
      version: eb.selectFrom('report_version').select(sql<number>`coalesce(max(version), 0) + 1`.as('next')).where('report_id', '=', row.report_id),
    }))
    .execute()
}

/** The earlier versions of one report of this client, oldest first. */
export async function findReportVersions(db: Db, clientId: string, reportId: string) {
  return db
    .selectFrom('report_version')
    .innerJoin('report', 'report.id', 'report_version.report_id')
    .select(['report_version.version', 'report_version.reported_at', 'report_version.care_plan_goal', 'report_version.body', 'report_version.visible_in_portal', 'report_version.written_at', 'report_version.replaced_at'])
    .where('report.client_id', '=', clientId)
    .where('report.id', '=', reportId)
    .orderBy('report_version.version')
    .execute()
}

/** Whether a report with this id belongs to the client (for a versions request on an unknown one). */
export async function reportExists(db: Db, clientId: string, reportId: string): Promise<boolean> {
  const row = await db.selectFrom('report').select('id').where('client_id', '=', clientId).where('id', '=', reportId).executeTakeFirst()
  return row !== undefined
}

/** The discipline a report's author writes under ("Verzorgende IG"). */
export async function findStaffDiscipline(db: Db, staffMemberId: string): Promise<string> {
  const row = await db.selectFrom('staff_member').select('discipline').where('id', '=', staffMemberId).executeTakeFirst()
  return row?.discipline ?? ''
}
