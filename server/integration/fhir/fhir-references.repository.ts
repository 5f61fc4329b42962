import type { Db } from '../../platform/db/database.ts'
import { isRowId } from './fhir-repository-helpers.ts'

/** Whether a client with this portal id exists. */
export async function clientExists(db: Db, id: string): Promise<boolean> {
  if (!isRowId(id)) return false
  return (await db.selectFrom('client').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
}

/** The staff member with this portal id (for an author or sender), or undefined. */
export async function findStaffMember(db: Db, id: string) {
  if (!isRowId(id)) return undefined
  return db.selectFrom('staff_member').select(['id', 'name']).where('id', '=', id).executeTakeFirst()
}
