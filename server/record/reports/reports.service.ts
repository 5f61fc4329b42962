import type { Report, ReportListQuery, ReportPage } from '../../../shared/schemas/reports.ts'
import { addDays, amsterdamInstant } from '../../platform/amsterdam-time.ts'
import type { Db } from '../../platform/db/database.ts'
import { isSaneDateTime } from '../../../shared/schemas/dates.ts'
import { validationFailed } from '../../platform/errors.ts'
import type { RequestSource } from '../../platform/access-log/access-log.service.ts'
import type { ActiveSession } from '../../identity/authentication/session.service.ts'
import { readThroughLink } from '../client-access/client-access.service.ts'
import { findReportPage, findShowAuthorName, type ReportRow } from './reports.repository.ts'

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
export async function listReports(db: Db, session: ActiveSession, clientId: string, query: ReportListQuery, source: RequestSource, now: Date): Promise<ReportPage> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE
  const after = query.cursor ? decodeCursor(query.cursor) : null
  return readThroughLink(db, session, clientId, { section: 'reports', dataKind: 'report' }, source, now, async (trx, access) => {
    const rows = await findReportPage(trx, {
      clientId: access.clientId,
      notBefore: access.activatedAt,
      from: query.from ? amsterdamInstant(query.from, '00:00') : null,
      until: query.to ? amsterdamInstant(addDays(query.to, 1), '00:00') : null,
      containsText: query.q?.trim() ? escapeLike(query.q.trim()) : null,
      after,
      limit: limit + 1,
    })
    const showAuthorName = await findShowAuthorName(trx)
    const page = rows.slice(0, limit)
    const last = page.at(-1)
    return {
      items: page.map((row) => reportRowToReport(row, showAuthorName)),
      nextCursor: rows.length > limit && last ? encodeCursor({ reportedAt: last.cursor_at, id: last.id }) : null,
    }
  })
}

/** A cursor is opaque to the web app: base64url of "reportedAt|id". */
export function encodeCursor(position: { reportedAt: string; id: string }): string {
  return Buffer.from(`${position.reportedAt}|${position.id}`, 'utf8').toString('base64url')
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/

export function decodeCursor(cursor: string): { reportedAt: string; id: string } {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  if (!match?.[1] || !match[2] || !isSaneDateTime(match[1])) throw validationFailed('cursor')
  return { reportedAt: match[1], id: match[2] }
}

/** The person's words are searched for literally: % and _ are not wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`)
}
