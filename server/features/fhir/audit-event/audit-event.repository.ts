import type { Db } from '../../../db/database.ts'
import { lastUpdatedCondition } from '../fhir-repository-helpers.ts'
import type { SearchQuery } from '../fhir-resource-type.ts'

/** Access-log ids are a bigint sequence: anything else is simply not found. */
const LOG_ID = /^\d{1,18}$/

export async function findAccessLogRow(db: Db, id: string) {
  if (!LOG_ID.test(id)) return undefined
  return db.selectFrom('access_log').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Log lines by client; the log is append-only, so its time is its last update. */
export async function searchAccessLog(db: Db, query: SearchQuery) {
  let select = db.selectFrom('access_log').selectAll().where(lastUpdatedCondition('access_log.occurred_at', query.lastUpdated))
  if (query.patient !== undefined) select = select.where('client_id', '=', query.patient)
  return select.orderBy('occurred_at').orderBy('id').limit(query.count).execute()
}
