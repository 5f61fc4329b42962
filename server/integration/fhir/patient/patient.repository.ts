import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../../../platform/db/database.ts'
import type { ClientTable } from '../../../record/clients/client.table.ts'
import { isRowId, lastUpdatedCondition } from '../fhir-repository-helpers.ts'
import type { SearchQuery } from '../fhir-resource-type.ts'
import type { ClientRow } from './patient.mapping.ts'
import type { ContactColumns } from './patient-contact.ts'

/** A client with the contact persons the ECD named in its Patient (client_contact, in order). */
export type PatientRow = ClientRow & { contacts: ContactColumns[] }

/** Attaches each client's contact persons: one query for the whole page. */
async function withContacts(db: Db, rows: ClientRow[]): Promise<PatientRow[]> {
  if (rows.length === 0) return []
  const contacts = await db.selectFrom('client_contact').selectAll().where('client_id', 'in', rows.map((r) => r.id)).orderBy('client_id').orderBy('position').execute()
  return rows.map((row) => ({ ...row, contacts: contacts.filter((c) => c.client_id === row.id).map(({ id: _id, client_id: _clientId, ...columns }) => columns) }))
}

async function one(db: Db, row: ClientRow | undefined): Promise<PatientRow | undefined> {
  return row && (await withContacts(db, [row]))[0]
}

export async function findClientById(db: Db, id: string) {
  if (!isRowId(id)) return undefined
  return one(db, await db.selectFrom('client').selectAll().where('id', '=', id).executeTakeFirst())
}

export async function findClientByEcdId(db: Db, ecdId: string) {
  return one(db, await db.selectFrom('client').selectAll().where('ecd_id', '=', ecdId).executeTakeFirst())
}

/** Clients by ECD identifier value, BSN lookup hash, or neither; newest change last, for polling. */
export async function searchClients(db: Db, filter: { ecdId?: string; bsnLookup?: Buffer; query: SearchQuery }) {
  let query = db.selectFrom('client').selectAll().where(lastUpdatedCondition('client.updated_at', filter.query.lastUpdated))
  if (filter.ecdId !== undefined) query = query.where('ecd_id', '=', filter.ecdId)
  if (filter.bsnLookup !== undefined) query = query.where('bsn_lookup', '=', filter.bsnLookup)
  if (filter.query.patient !== undefined) query = query.where('id', '=', filter.query.patient)
  return withContacts(db, await query.orderBy('updated_at').orderBy('id').limit(filter.query.count).execute())
}

export async function insertClient(db: Db, values: Insertable<ClientTable>, contacts: ContactColumns[]) {
  const row = await db.insertInto('client').values(values).returningAll().executeTakeFirstOrThrow()
  await insertContacts(db, row.id, contacts)
  return { ...row, contacts }
}

/** Updates the client; `contacts`, when given, replace the ones the ECD named before. */
export async function updateClient(db: Db, id: string, values: Updateable<ClientTable>, contacts: ContactColumns[]) {
  const row = await db.updateTable('client').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
  await db.deleteFrom('client_contact').where('client_id', '=', id).execute()
  await insertContacts(db, id, contacts)
  return { ...row, contacts }
}

async function insertContacts(db: Db, clientId: string, contacts: ContactColumns[]) {
  if (contacts.length === 0) return
  await db.insertInto('client_contact').values(contacts.map(({ relationships, ...columns }) => ({ ...columns, client_id: clientId, relationships: JSON.stringify(relationships) }))).execute()
}
