import {
  REPORT_CORRECTION_HOURS, type ReportRequest, type ReportVersionList, type WorkspaceReport, type WorkspaceReportPage, type WorkspaceReportQuery,
} from '../../../shared/schemas/workspace-record.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError, notFound, validationFailed } from '../../platform/errors.ts'
import type { RequestSource } from '../../platform/access-log/access-log.service.ts'
import type { ActiveSession } from '../../identity/authentication/session.service.ts'
import {
  findReportForUpdate, findReportVersions, findStaffDiscipline, findWorkspaceReportPage, insertReport, insertReportVersion, reportExists, updateReport,
  type WorkspaceReportRow,
} from './workspace-reports.repository.ts'
import { decodePosition, encodePosition } from './workspace-cursor.ts'
import { withClientOfCaregiver } from './workspace.service.ts'

const HOUR = 3600_000
const DEFAULT_PAGE = 20
/** Reports are written during or soon after a shift; a week back covers a late entry, not a typo's year. */
const MAX_DAYS_BACK = 7
/** A little room for clocks that differ between tablet and server. */
const FUTURE_SLACK_MS = 5 * 60_000

export function reportRowToWorkspaceReport(row: WorkspaceReportRow, me: string, now: Date): WorkspaceReport {
  const isMine = row.author_staff_id === me
  const until = new Date(row.created_at.getTime() + REPORT_CORRECTION_HOURS * HOUR)
  return {
    id: row.id,
    reportedAt: row.reported_at.toISOString(),
    team: row.team_name,
    authorName: row.author_name,
    authorRole: row.author_role,
    carePlanGoal: row.care_plan_goal,
    text: row.body,
    visibleInPortal: row.visible_in_portal,
    isMine,
    correctableUntil: isMine && until > now ? until.toISOString() : null,
    earlierVersions: Number(row.versions ?? 0),
  }
}

/** All the client's reports, hidden ones marked; `view=portal`: only what the portal shows. */
export async function listWorkspaceReports(db: Db, session: ActiveSession, clientId: string, query: WorkspaceReportQuery, source: RequestSource, now: Date): Promise<WorkspaceReportPage> {
  const after = query.cursor ? decodePosition(query.cursor) : null
  const limit = query.limit ?? DEFAULT_PAGE
  return withClientOfCaregiver(db, session, clientId, { action: 'read', dataKind: 'report' }, source, now, async (trx, access) => {
    const rows = await findWorkspaceReportPage(trx, { clientId: access.clientId, portalOnly: query.view === 'portal', after, limit: limit + 1 })
    const page = rows.slice(0, limit)
    const last = page.at(-1)
    return {
      items: page.map((row) => reportRowToWorkspaceReport(row, access.staff.staffMemberId, now)),
      nextCursor: rows.length > limit && last ? encodePosition({ at: last.cursor_at, id: last.id }) : null,
    }
  })
}

/** The columns of a report request; the time must be from the last week and not in the future. */
function reportColumns(input: ReportRequest, now: Date) {
  const text = input.text.replace(/\r\n?/g, '\n').trim()
  if (text.length === 0) throw validationFailed('text')
  const reportedAt = new Date(input.reportedAt)
  if (reportedAt.getTime() > now.getTime() + FUTURE_SLACK_MS || reportedAt.getTime() < now.getTime() - MAX_DAYS_BACK * 24 * HOUR) throw new AppError('report_time_invalid')
  return { reported_at: reportedAt, care_plan_goal: input.carePlanGoal.trim(), body: text, visible_in_portal: input.visibleInPortal }
}

/** A new report by the caregiver, for their team that cares for the client. */
export async function writeReport(db: Db, session: ActiveSession, clientId: string, input: ReportRequest, source: RequestSource, now: Date): Promise<{ id: string }> {
  const columns = reportColumns(input, now)
  return withClientOfCaregiver(db, session, clientId, { action: 'create', dataKind: 'report', recordId: (r: { id: string }) => r.id }, source, now, async (trx, access) => {
    const role = (await findStaffDiscipline(trx, access.staff.staffMemberId)) || 'Zorgmedewerker'
    return insertReport(trx, {
      ...columns, client_id: access.clientId, team_id: access.teamId, author_staff_id: access.staff.staffMemberId, author_role: role,
      ecd_id: null, created_at: now, updated_at: now,
    })
  })
}

/**
 * Corrects one's own report within REPORT_CORRECTION_HOURS of writing it; the text it replaces
 * is kept in report_version. Someone else's report: report_not_own; too late: report_correction_closed.
 */
export async function correctReport(
  db: Db, session: ActiveSession, key: { clientId: string; reportId: string }, input: ReportRequest, source: RequestSource, now: Date,
): Promise<{ id: string }> {
  const columns = reportColumns(input, now)
  return withClientOfCaregiver(db, session, key.clientId, { action: 'update', dataKind: 'report', recordId: key.reportId }, source, now, async (trx, access) => {
    const report = await findReportForUpdate(trx, access.clientId, key.reportId)
    if (!report) throw notFound('report')
    if (report.author_staff_id !== access.staff.staffMemberId) throw new AppError('report_not_own')
    if (now.getTime() > report.created_at.getTime() + REPORT_CORRECTION_HOURS * HOUR) throw new AppError('report_correction_closed')
    await insertReportVersion(trx, {
      report_id: report.id, reported_at: report.reported_at, care_plan_goal: report.care_plan_goal, body: report.body,
      visible_in_portal: report.visible_in_portal, written_at: report.updated_at, replaced_at: now, replaced_by_staff_id: access.staff.staffMemberId,
    })
    await updateReport(trx, report.id, { ...columns, updated_at: now })
    return { id: report.id }
  })
}

/** The texts a report had before its corrections, oldest first. */
export async function listReportVersions(db: Db, session: ActiveSession, key: { clientId: string; reportId: string }, source: RequestSource, now: Date): Promise<ReportVersionList> {
  return withClientOfCaregiver(db, session, key.clientId, { action: 'read', dataKind: 'report_version', recordId: key.reportId }, source, now, async (trx, access) => {
    if (!(await reportExists(trx, access.clientId, key.reportId))) throw notFound('report')
    const rows = await findReportVersions(trx, access.clientId, key.reportId)
    return {
      items: rows.map((row) => ({
        version: row.version, reportedAt: row.reported_at.toISOString(), carePlanGoal: row.care_plan_goal, text: row.body,
        visibleInPortal: row.visible_in_portal, writtenAt: row.written_at.toISOString(), replacedAt: row.replaced_at.toISOString(),
      })),
    }
  })
}
