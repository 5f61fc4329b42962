import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../../../platform/db/database.ts'
import type { ContactPersonTable } from '../../../record/clients/contact-person.table.ts'
import { isRowId, lastUpdatedCondition } from '../fhir-repository-helpers.ts'
import type { SearchQuery } from '../fhir-resource-type.ts'

export async function findContactPersonById(db: Db, id: string) {
  if (!isRowId(id)) return undefined
  return db.selectFrom('contact_person').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findContactPersonByEcdId(db: Db, ecdId: string) {
  return db.selectFrom('contact_person').selectAll().where('ecd_id', '=', ecdId).executeTakeFirst()
}

export async function searchContactPersons(db: Db, query: SearchQuery, ecdId: string | undefined) {
  let select = db.selectFrom('contact_person').selectAll().where(lastUpdatedCondition('contact_person.updated_at', query.lastUpdated))
  if (ecdId !== undefined) select = select.where('ecd_id', '=', ecdId)
  if (query.patient !== undefined) select = select.where('client_id', '=', query.patient)
  return select.orderBy('updated_at').orderBy('id').limit(query.count).execute()
}

export async function insertContactPerson(db: Db, values: Insertable<ContactPersonTable>) {
  return db.insertInto('contact_person').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function updateContactPerson(db: Db, id: string, values: Updateable<ContactPersonTable>) {
  return db.updateTable('contact_person').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}
