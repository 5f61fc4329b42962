import type { AccessLogLine, AccessLogPage, AccessLogQuery } from '../../../shared/schemas/client-access-log.ts'
import { addDays, amsterdamDate, amsterdamInstant } from '../../platform/amsterdam-time.ts'
import { findMergedAccessLines, findNewestAccessAndOrganisation, type MergedAccessRow } from './client-access-log.repository.ts'
import type { RequestContext } from '../../platform/http/request-context.ts'
import { throughRecord } from '../client-access/record-door.ts'
import { throughLink } from '../client-access/client-access.policy.ts'

const DEFAULT_PAGE_SIZE = 50
const WINDOW_DAYS = 31

/**
 * "Wie heeft mijn dossier ingezien?" (NEN 7513, Wabvpz). Every active link may read it, whatever
 * its section permissions: the right to know who looked at a record belongs to the client, and
 * each link acts for the client. It shows who, when, which kind of data and which action, never
 * the data itself, so a link without the reports permission learns no report content from it.
 */
export async function listAccessLog(context: RequestContext, clientId: string, query: AccessLogQuery): Promise<AccessLogPage> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE
  const from = query.from ? amsterdamInstant(query.from, '00:00') : null
  const periodEnd = query.to ? addDays(query.to, 1) : null
  // The cursor is the oldest day already shown: the next page starts the day before it.
  const endDay = query.cursor && (!periodEnd || query.cursor < periodEnd) ? query.cursor : periodEnd
  const until = endDay ? amsterdamInstant(endDay, '00:00') : null
  return throughRecord(context, throughLink(null), clientId, { action: 'read', dataKind: 'access_log' }, async (trx, access) => {
    const { newest, organisation } = await findNewestAccessAndOrganisation(trx, access.clientId, from, until)
    const toLines = (rows: MergedAccessRow[]) => rows.map((row) => rowToLine(row, organisation))
    if (!newest) return { items: [], nextCursor: null }
    // A page groups at most WINDOW_DAYS days, counted back from the newest access: a record read
    // for years never makes one page aggregate its whole history.
    const windowEndDay = addDays(amsterdamDate(newest), 1)
    const windowStartDay = addDays(windowEndDay, -WINDOW_DAYS)
    const windowFrom = latest(from, amsterdamInstant(windowStartDay, '00:00'))
    const windowUntil = amsterdamInstant(windowEndDay, '00:00')
    const olderIn = windowFrom !== from ? { from, until: windowFrom } : undefined
    const rows = await findMergedAccessLines(trx, { clientId: access.clientId, from: windowFrom, until: windowUntil, limit: limit + 1, olderIn })
    if (rows.length <= limit) {
      // Every row answers the same "older" question; the window holds the newest access, so there is a row.
      const older = rows.some((row) => row.older)
      return { items: toLines(rows), nextCursor: older ? windowStartDay : null }
    }
    // A page holds whole days, so a day's lines are never split over two pages.
    const cutDay = rows[limit]?.day ?? ''
    const wholeDays = rows.filter((row) => row.day > cutDay)
    if (wholeDays.length > 0) return { items: toLines(wholeDays), nextCursor: addDays(cutDay, 1) }
    // One day alone has more lines than a page: show that whole day.
    const cutDayStart = amsterdamInstant(cutDay, '00:00')
    const day = await findMergedAccessLines(trx, {
      clientId: access.clientId, from: latest(from, cutDayStart), until: amsterdamInstant(addDays(cutDay, 1), '00:00'), limit: null, olderIn: { from, until: cutDayStart },
    })
    return { items: toLines(day), nextCursor: day.some((row) => row.older) ? cutDay : null }
  })
}

export function rowToLine(row: MergedAccessRow, organisation: string): AccessLogLine {
  const isPerson = row.actor_type === 'account' || row.actor_type === 'staff'
  return {
    date: row.day,
    firstAt: new Date(row.first_at).toISOString(),
    lastAt: new Date(row.last_at).toISOString(),
    count: Number(row.count),
    actor: {
      type: row.actor_type,
      organisation: row.actor_type === 'account' ? null : organisation,
      role: row.actor_role,
      name: isPerson ? row.actor_name : null,
    },
    dataKind: row.data_kind,
    action: row.action as AccessLogLine['action'],
    wayIn: row.auth_method,
    assurance: row.assurance,
  }
}

function latest(a: Date | null, b: Date): Date {
  return a && a > b ? a : b
}
