import type { AccessLogFilters } from '../../../shared/schemas/admin-access-log.ts'
import type { Db } from '../../platform/db/database.ts'
import { containsPattern } from '../../platform/db/contains-pattern.ts'

/** Newest first, `limit` rows older than `beforeId` (the keyset: ids only grow). */
export async function findAccessLogPage(db: Db, filters: AccessLogFilters, beforeId: string | null, limit: number) {
  let query = db
    .selectFrom('access_log')
    .leftJoin('client', 'client.id', 'access_log.client_id')
    .selectAll('access_log')
    .select('client.client_number')
  if (filters.clientId) query = query.where('access_log.client_id', '=', filters.clientId)
  if (filters.actorId) query = query.where('access_log.actor_id', '=', filters.actorId)
  if (filters.actorName) query = query.where('access_log.actor_name', 'ilike', containsPattern(filters.actorName))
  if (filters.from) query = query.where('access_log.occurred_at', '>=', new Date(filters.from))
  if (filters.until) query = query.where('access_log.occurred_at', '<', new Date(filters.until))
  if (filters.action) query = query.where('access_log.action', '=', filters.action as never)
  if (beforeId) query = query.where('access_log.id', '<', beforeId)
  return query.orderBy('access_log.id', 'desc').limit(limit).execute()
}

export type AccessLogRow = Awaited<ReturnType<typeof findAccessLogPage>>[number]
