import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../../../platform/db/database.ts'
import type { StaffMemberTable } from '../../../record/care-team/care-team.table.ts'
import { isRowId, lastUpdatedCondition } from '../fhir-repository-helpers.ts'
import type { SearchQuery } from '../fhir-resource-type.ts'

const COLUMNS = ['id', 'ecd_id', 'name', 'discipline', 'title', 'given_name', 'name_prefix', 'family_name', 'big_number', 'uzi_number', 'ura_number', 'version', 'updated_at'] as const

export async function findStaffById(db: Db, id: string) {
  if (!isRowId(id)) return undefined
  return db.selectFrom('staff_member').select(COLUMNS).where('id', '=', id).executeTakeFirst()
}

export async function findStaffByEcdId(db: Db, ecdId: string) {
  return db.selectFrom('staff_member').select(COLUMNS).where('ecd_id', '=', ecdId).executeTakeFirst()
}

export async function searchStaff(db: Db, query: SearchQuery, ecdId: string | undefined) {
  let select = db.selectFrom('staff_member').select(COLUMNS).where(lastUpdatedCondition('staff_member.updated_at', query.lastUpdated))
  if (ecdId !== undefined) select = select.where('ecd_id', '=', ecdId)
  return select.orderBy('updated_at').orderBy('id').limit(query.count).execute()
}

export async function insertStaff(db: Db, values: Insertable<StaffMemberTable>) {
  return db.insertInto('staff_member').values(values).returning(COLUMNS).executeTakeFirstOrThrow()
}

export async function updateStaff(db: Db, id: string, values: Updateable<StaffMemberTable>) {
  return db.updateTable('staff_member').set(values).where('id', '=', id).returning(COLUMNS).executeTakeFirstOrThrow()
}
