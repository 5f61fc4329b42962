import type { AccessLogLine, AccessLogPage, AccessLogQuery } from '../../../shared/schemas/client-access-log.ts'
import { addDays, amsterdamInstant } from '../../amsterdam-time.ts'
import type { Db } from '../../db/database.ts'
import type { RequestSource } from '../access-log/access-log.service.ts'
import type { ActiveSession } from '../auth/session.service.ts'
import { readThroughLink } from '../client-access/client-access.service.ts'
import { findMergedAccessLines, findOrganisationName, type MergedAccessRow } from './client-access-log.repository.ts'

const DEFAULT_PAGE_SIZE = 50

/**
 * "Wie heeft mijn dossier ingezien?" (NEN 7513, Wabvpz). Every active link may read it, whatever
 * its section permissions: the right to know who looked at a record belongs to the client, and
 * each link acts for the client. It shows who, when, which kind of data and which action, never
 * the data itself, so a link without the reports permission learns no report content from it.
 */
export async function listAccessLog(db: Db, session: ActiveSession, clientId: string, query: AccessLogQuery, source: RequestSource, now: Date): Promise<AccessLogPage> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE
  const from = query.from ? amsterdamInstant(query.from, '00:00') : null
  const periodEnd = query.to ? addDays(query.to, 1) : null
  // The cursor is the oldest day already shown: the next page starts the day before it.
  const endDay = query.cursor && (!periodEnd || query.cursor < periodEnd) ? query.cursor : periodEnd
  const until = endDay ? amsterdamInstant(endDay, '00:00') : null
  return readThroughLink(db, session, clientId, { section: null, dataKind: 'access_log' }, source, now, async (trx, access) => {
    const organisation = await findOrganisationName(trx)
    const rows = await findMergedAccessLines(trx, { clientId: access.clientId, from, until, limit: limit + 1 })
    if (rows.length <= limit) return { items: rows.map((row) => rowToLine(row, organisation)), nextCursor: null }
    // A page holds whole days, so a day's lines are never split over two pages.
    const cutDay = rows[limit]?.day ?? ''
    const wholeDays = rows.filter((row) => row.day > cutDay)
    if (wholeDays.length > 0) return { items: wholeDays.map((row) => rowToLine(row, organisation)), nextCursor: cutDay === '' ? null : addDays(cutDay, 1) }
    // One day alone has more lines than a page: show that whole day.
    const day = await findMergedAccessLines(trx, { clientId: access.clientId, from: maxDate(from, amsterdamInstant(cutDay, '00:00')), until: amsterdamInstant(addDays(cutDay, 1), '00:00'), limit: null })
    const more = await findMergedAccessLines(trx, { clientId: access.clientId, from, until: amsterdamInstant(cutDay, '00:00'), limit: 1 })
    return { items: day.map((row) => rowToLine(row, organisation)), nextCursor: more.length > 0 ? cutDay : null }
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
  }
}

function maxDate(a: Date | null, b: Date): Date {
  return a && a > b ? a : b
}
