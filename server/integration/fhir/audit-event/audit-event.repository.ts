import type { Db } from '../../../platform/db/database.ts'
import { lastUpdatedCondition } from '../fhir-repository-helpers.ts'
import type { SearchQuery } from '../fhir-resource-type.ts'

/** One log line by its row number (`audit-event-id.ts` turns an AuditEvent id into it). */
export async function findAccessLogRow(db: Db, id: string) {
  return db.selectFrom('access_log').selectAll().where('id', '=', id).executeTakeFirst()
}

/**
 * Log lines by client; the log is append-only, so its time is its last update. The caller's own
 * reads of the log are left out: each search logs what it returns, so a poll would otherwise
 * find its previous poll's lines for ever.
 */
export async function searchAccessLog(db: Db, query: SearchQuery, integrationClientId: string) {
  let select = db
    .selectFrom('access_log')
    .selectAll()
    .where(lastUpdatedCondition('access_log.occurred_at', query.lastUpdated))
    .where((eb) => eb.not(eb.and([eb('actor_type', '=', 'integration'), eb('actor_id', '=', integrationClientId), eb('data_kind', '=', 'access_log')])))
  if (query.patient !== undefined) select = select.where('client_id', '=', query.patient)
  return select.orderBy('occurred_at').orderBy('id').limit(query.count).execute()
}
