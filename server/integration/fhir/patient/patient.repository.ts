import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../../../platform/db/database.ts'
import type { ClientTable } from '../../../record/clients/client.table.ts'
import { isRowId, lastUpdatedCondition } from '../fhir-repository-helpers.ts'
import type { SearchQuery } from '../fhir-resource-type.ts'

export async function findClientById(db: Db, id: string) {
  if (!isRowId(id)) return undefined
  return db.selectFrom('client').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findClientByEcdId(db: Db, ecdId: string) {
  return db.selectFrom('client').selectAll().where('ecd_id', '=', ecdId).executeTakeFirst()
}

/** Clients by ECD identifier value, BSN lookup hash, or neither; newest change last, for polling. */
export async function searchClients(db: Db, filter: { ecdId?: string; bsnLookup?: Buffer; query: SearchQuery }) {
  let query = db.selectFrom('client').selectAll().where(lastUpdatedCondition('client.updated_at', filter.query.lastUpdated))
  if (filter.ecdId !== undefined) query = query.where('ecd_id', '=', filter.ecdId)
  if (filter.bsnLookup !== undefined) query = query.where('bsn_lookup', '=', filter.bsnLookup)
  if (filter.query.patient !== undefined) query = query.where('id', '=', filter.query.patient)
  return query.orderBy('updated_at').orderBy('id').limit(filter.query.count).execute()
}

export async function insertClient(db: Db, values: Insertable<ClientTable>) {
  return db.insertInto('client').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function updateClient(db: Db, id: string, values: Updateable<ClientTable>) {
  return db.updateTable('client').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}
