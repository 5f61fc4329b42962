import { Readable } from 'node:stream'
import type { AccessLogEntry, AccessLogFilters, AccessLogPage, AccessLogSearchQuery } from '../../../shared/schemas/admin-access-log.ts'
import type { Db } from '../../platform/db/database.ts'
import { isRowNumber, keysetCursor } from '../../platform/http/keyset-cursor.ts'
import { administratorActor, type StaffActor } from '../../identity/staff-access/staff-access.policy.ts'
import { csvHeader, csvRow } from './access-log-csv.ts'
import { type AccessLogRow, findAccessLogPage } from './access-log-search.repository.ts'
import { recordAccess, type RequestSource } from '../../platform/access-log/access-log.service.ts'

/** Rows fetched per query while streaming the export. */
const EXPORT_BATCH = 500

/** A page ends at a row number: the log's ids only grow, so they alone order it. */
const accessLogCursor = keysetCursor({ id: isRowNumber })

export function accessLogRowToEntry(row: AccessLogRow): AccessLogEntry {
  return {
    id: String(row.id),
    occurredAt: row.occurred_at.toISOString(),
    action: row.action,
    outcome: row.outcome,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    actorName: row.actor_name,
    onBehalfLinkId: row.on_behalf_link_id,
    onBehalfOf: row.on_behalf_of,
    clientId: row.client_id,
    clientNumber: row.client_number,
    dataKind: row.data_kind,
    recordId: row.record_id,
    sourceIp: row.source_ip,
    userAgent: row.user_agent,
    requestId: row.request_id,
  }
}

/** Looking into the log is itself logged: with the client searched for, when there is one. */
async function logLookup(db: Db, admin: StaffActor, filters: AccessLogFilters, action: 'read' | 'export', source: RequestSource, now: Date) {
  await recordAccess(db, administratorActor(admin), source, { action, outcome: 'success', clientId: filters.clientId ?? null, dataKind: 'access_log' }, now)
}

export async function searchAccessLog(db: Db, admin: StaffActor, query: AccessLogSearchQuery, source: RequestSource, now: Date): Promise<AccessLogPage> {
  const limit = query.limit ?? 50
  const beforeId = query.cursor ? accessLogCursor.decode(query.cursor).id : null
  const rows = await findAccessLogPage(db, query, beforeId, limit + 1)
  await logLookup(db, admin, query, 'read', source, now)
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return { items: page.map(accessLogRowToEntry), nextCursor: rows.length > limit && last ? accessLogCursor.encode({ id: String(last.id) }) : null }
}

/**
 * The matching rows as CSV, streamed batch by batch so a long period never sits in memory.
 * The export is logged before the first byte leaves.
 */
export async function exportAccessLog(db: Db, admin: StaffActor, filters: AccessLogFilters, source: RequestSource, now: Date): Promise<Readable> {
  await logLookup(db, admin, filters, 'export', source, now)
  async function* lines() {
    // Excel needs the byte-order mark to read UTF-8 (names with ë, é).
    yield `\uFEFF${csvHeader()}`
    let beforeId: string | null = null
    for (;;) {
      const rows = await findAccessLogPage(db, filters, beforeId, EXPORT_BATCH)
      if (rows.length > 0) yield rows.map((row) => csvRow(accessLogRowToEntry(row))).join('')
      const last = rows[rows.length - 1]
      if (!last || rows.length < EXPORT_BATCH) return
      beforeId = String(last.id)
    }
  }
  return Readable.from(lines())
}
