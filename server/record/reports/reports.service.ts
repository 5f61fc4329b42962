import type { Report, ReportListQuery, ReportPage } from '../../../shared/schemas/reports.ts'
import type { ReportRequest, ReportVersionList, WorkspaceReport, WorkspaceReportPage, WorkspaceReportQuery } from '../../../shared/schemas/workspace-record.ts'
import { addDays, amsterdamInstant } from '../../platform/amsterdam-time.ts'
import { containsPattern } from '../../platform/db/contains-pattern.ts'
import { AppError, notFound, validationFailed } from '../../platform/errors.ts'
import { decodeCursor, encodeCursor } from '../../platform/http/keyset-cursor.ts'
import { asCaregiver } from '../client-access/caregiver-access.policy.ts'
import { correctionWindowEnd, mayCorrectReport, reportCorrectionRefusal } from './report.policy.ts'
import {
  findReportForUpdate, findReportPage, findReportVersions, findStaffDiscipline, findWorkspaceReportPage, insertReport,
  insertReportVersion, reportExists, type ReportRow, updateReport, type WorkspaceReportRow,
} from './reports.repository.ts'
import type { RequestContext } from '../../platform/http/request-context.ts'
import { notifyRecordChange } from '../notifications/notification.service.ts'
import { throughRecord } from '../client-access/record-door.ts'
import { throughLink } from '../client-access/client-access.policy.ts'

const DEFAULT_PAGE_SIZE = 20

export function reportRowToReport(row: ReportRow, showAuthorName: boolean): Report {
  return {
    id: row.id,
    reportedAt: row.reported_at.toISOString(),
    team: row.team_name,
    authorRole: row.author_role,
    authorName: showAuthorName ? row.author_name : null,
    carePlanGoal: row.care_plan_goal,
    text: row.body,
  }
}

/** "Rapportages": one page of the client's reports through the account's link, logged. */
export async function listReports(context: RequestContext, clientId: string, query: ReportListQuery): Promise<ReportPage> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE
  const after = query.cursor ? decodeCursor(query.cursor) : null
  return throughRecord(context, throughLink('reports'), clientId, { action: 'read', dataKind: 'report' }, async (trx, access) => {
    const rows = await findReportPage(trx, {
      clientId: access.clientId,
      notBefore: access.activatedAt,
      from: query.from ? amsterdamInstant(query.from, '00:00') : null,
      until: query.to ? amsterdamInstant(addDays(query.to, 1), '00:00') : null,
      containsPattern: query.q?.trim() ? containsPattern(query.q.trim()) : null,
      after,
      limit: limit + 1,
    })
    const page = rows.slice(0, limit)
    const last = page.at(-1)
    return {
      items: page.map((row) => reportRowToReport(row, row.show_author_name === true)),
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last.cursor_at, id: last.id }) : null,
      shownFrom: access.activatedAt.toISOString(),
    }
  })
}

const HOUR = 3600_000
/** Reports are written during or soon after a shift; a week back covers a late entry, not a typo's year. */
const MAX_DAYS_BACK = 7
/** A little room for clocks that differ between tablet and server. */
const FUTURE_SLACK_MS = 5 * 60_000

export function reportRowToWorkspaceReport(row: WorkspaceReportRow, me: string, now: Date): WorkspaceReport {
  const isMine = row.author_staff_id === me
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
    correctableUntil: mayCorrectReport({ staffMemberId: me }, row, now) ? correctionWindowEnd(row).toISOString() : null,
    earlierVersions: Number(row.versions ?? 0),
  }
}

/** All the client's reports, hidden ones marked; `view=portal`: only what the portal shows. */
export async function listWorkspaceReports(context: RequestContext, clientId: string, query: WorkspaceReportQuery): Promise<WorkspaceReportPage> {
  const { now } = context
  const after = query.cursor ? decodeCursor(query.cursor) : null
  const limit = query.limit ?? DEFAULT_PAGE_SIZE
  return throughRecord(context, asCaregiver, clientId, { action: 'read', dataKind: 'report' }, async (trx, access) => {
    const rows = await findWorkspaceReportPage(trx, { clientId: access.clientId, portalOnly: query.view === 'portal', after, limit: limit + 1 })
    const page = rows.slice(0, limit)
    const last = page.at(-1)
    return {
      items: page.map((row) => reportRowToWorkspaceReport(row, access.staff.staffMemberId, now)),
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last.cursor_at, id: last.id }) : null,
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
export async function writeReport(context: RequestContext, clientId: string, input: ReportRequest): Promise<{ id: string }> {
  const { now } = context
  const columns = reportColumns(input, now)
  return throughRecord(context, asCaregiver, clientId, { action: 'create', dataKind: 'report', recordId: (r: { id: string }) => r.id }, async (trx, access) => {
    const role = (await findStaffDiscipline(trx, access.staff.staffMemberId)) || 'Zorgmedewerker'
    const stored = await insertReport(trx, {
      ...columns, client_id: access.clientId, team_id: access.teamId, author_staff_id: access.staff.staffMemberId, author_role: role,
      ecd_id: null, created_at: now, updated_at: now,
    })
    if (columns.visible_in_portal) await notifyRecordChange(trx, { kind: 'report', clientId: access.clientId, portalUrl: context.portalUrl }, now)
    return stored
  })
}

/**
 * Corrects one's own report within REPORT_CORRECTION_HOURS of writing it; the text it replaces
 * is kept in report_version. Someone else's report: report_not_own; too late: report_correction_closed.
 */
export async function correctReport(context: RequestContext, key: { clientId: string; reportId: string }, input: ReportRequest): Promise<{ id: string }> {
  const { now } = context
  const columns = reportColumns(input, now)
  return throughRecord(context, asCaregiver, key.clientId, { action: 'update', dataKind: 'report', recordId: key.reportId }, async (trx, access) => {
    const report = await findReportForUpdate(trx, access.clientId, key.reportId)
    if (!report) throw notFound('report')
    const refusal = reportCorrectionRefusal(access.staff, report, now)
    if (refusal) throw new AppError(refusal)
    await insertReportVersion(trx, {
      report_id: report.id, reported_at: report.reported_at, care_plan_goal: report.care_plan_goal, body: report.body,
      visible_in_portal: report.visible_in_portal, written_at: report.updated_at, replaced_at: now, replaced_by_staff_id: access.staff.staffMemberId,
    })
    await updateReport(trx, report.id, { ...columns, updated_at: now })
    return { id: report.id }
  })
}

/** The texts a report had before its corrections, oldest first. */
export async function listReportVersions(context: RequestContext, key: { clientId: string; reportId: string }): Promise<ReportVersionList> {
  return throughRecord(context, asCaregiver, key.clientId, { action: 'read', dataKind: 'report_version', recordId: key.reportId }, async (trx, access) => {
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
