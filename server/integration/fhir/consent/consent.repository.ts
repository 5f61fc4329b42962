import type { Db } from '../../../platform/db/database.ts'
import { isRowId, lastUpdatedCondition } from '../fhir-repository-helpers.ts'
import type { SearchQuery } from '../fhir-resource-type.ts'

// The signed form's PDF stays out: it is not part of the Consent the ECD reads.
const COLUMNS = ['id', 'client_id', 'given_by', 'given_by_name', 'given_on', 'scope', 'recorded_by', 'recorded_at', 'withdrawn_at', 'updated_at', 'version'] as const

export async function findConsentById(db: Db, id: string) {
  if (!isRowId(id)) return undefined
  return db.selectFrom('consent').select(COLUMNS).where('id', '=', id).executeTakeFirst()
}

/** Consents by client; oldest change first, for polling. */
export async function searchConsents(db: Db, query: SearchQuery) {
  let select = db.selectFrom('consent').select(COLUMNS).where(lastUpdatedCondition('consent.updated_at', query.lastUpdated))
  if (query.patient !== undefined) select = select.where('client_id', '=', query.patient)
  return select.orderBy('updated_at').orderBy('id').limit(query.count).execute()
}

/** The ECD's withdrawal: from now on no link on this consent opens the record. */
export async function withdrawConsentNow(db: Db, id: string, now: Date) {
  await db.updateTable('consent').set({ withdrawn_at: now, updated_at: now }).where('id', '=', id).where('withdrawn_at', 'is', null).execute()
  return (await findConsentById(db, id))!
}
