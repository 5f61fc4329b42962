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

/** Which of these portal ids are clients (one statement for a whole Bundle). */
export async function existingClientIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const candidates = [...new Set(ids.filter(isRowId))]
  if (candidates.length === 0) return new Set()
  return new Set((await db.selectFrom('client').select('id').where('id', 'in', candidates).execute()).map((row) => row.id))
}

/** The staff members with these portal ids, by id (one statement for a whole Bundle). */
export async function findStaffMembers(db: Db, ids: readonly string[]): Promise<Map<string, { id: string; name: string }>> {
  const candidates = [...new Set(ids.filter(isRowId))]
  if (candidates.length === 0) return new Map()
  const rows = await db.selectFrom('staff_member').select(['id', 'name']).where('id', 'in', candidates).execute()
  return new Map(rows.map((row) => [row.id, row]))
}
