import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../../../platform/db/database.ts'
import type { CareAssignmentRole, CareTeamTable } from '../../../record/care-team/care-team.table.ts'
import { isRowId, lastUpdatedCondition } from '../fhir-repository-helpers.ts'
import type { SearchQuery } from '../fhir-resource-type.ts'

export interface AssignmentColumns {
  staff_member_id: string | null
  team_id: string | null
  role: CareAssignmentRole
  discipline: string
  valid_from: string
  valid_until: string | null
}

export async function findCareTeamById(db: Db, id: string) {
  if (!isRowId(id)) return undefined
  return db.selectFrom('care_team').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findCareTeamByEcdId(db: Db, ecdId: string) {
  return db.selectFrom('care_team').selectAll().where('ecd_id', '=', ecdId).executeTakeFirst()
}

export async function searchCareTeams(db: Db, query: SearchQuery, ecdId: string | undefined) {
  let select = db.selectFrom('care_team').selectAll().where(lastUpdatedCondition('care_team.updated_at', query.lastUpdated))
  if (ecdId !== undefined) select = select.where('ecd_id', '=', ecdId)
  if (query.patient !== undefined) select = select.where('client_id', '=', query.patient)
  return select.orderBy('updated_at').orderBy('id').limit(query.count).execute()
}

/** The members of care teams (in no particular order: see canonicalOrder). */
export async function findAssignmentsOfCareTeams(db: Db, careTeamIds: string[]) {
  if (careTeamIds.length === 0) return []
  return db
    .selectFrom('care_assignment')
    .select(['care_team_id', 'staff_member_id', 'team_id', 'role', 'discipline', 'valid_from', 'valid_until'])
    .where('care_team_id', 'in', careTeamIds)
    .execute()
}

export async function insertCareTeam(db: Db, values: Insertable<CareTeamTable>) {
  return db.insertInto('care_team').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function updateCareTeam(db: Db, id: string, values: Updateable<CareTeamTable>) {
  return db.updateTable('care_team').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}

/** A care team's members are replaced as a whole: the ECD's list is the truth. */
export async function replaceAssignments(db: Db, careTeam: { id: string; client_id: string }, assignments: AssignmentColumns[], now: Date) {
  await db.deleteFrom('care_assignment').where('care_team_id', '=', careTeam.id).execute()
  if (assignments.length === 0) return
  await db
    .insertInto('care_assignment')
    .values(assignments.map((a) => ({ ...a, client_id: careTeam.client_id, care_team_id: careTeam.id, updated_at: now })))
    .execute()
}

export async function clientExists(db: Db, id: string): Promise<boolean> {
  return isRowId(id) && (await db.selectFrom('client').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
}

/** The row a `Practitioner` or `Organization` reference names, by portal id or by ECD identifier. */
export async function findMemberId(db: Db, table: 'staff_member' | 'team', by: { id: string } | { ecdId: string }): Promise<string | undefined> {
  if ('id' in by && !isRowId(by.id)) return undefined
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('id' in by ? 'id' : 'ecd_id', '=', 'id' in by ? by.id : by.ecdId)
    .executeTakeFirst()
  return row?.id
}

/** The staff member of a practitioner role (nl-core-CareTeam lists members as PractitionerRole). */
export async function findRoleStaffId(db: Db, roleId: string): Promise<string | undefined> {
  if (!isRowId(roleId)) return undefined
  const row = await db.selectFrom('practitioner_role').select('staff_member_id').where('id', '=', roleId).executeTakeFirst()
  return row?.staff_member_id
}

/** The row a table holds under an ECD number (rows written before identifiers had systems). */
export async function findIdByEcdId(db: Db, table: 'staff_member' | 'team' | 'practitioner_role', ecdId: string): Promise<string | undefined> {
  const row = await db.selectFrom(table).select('id').where('ecd_id', '=', ecdId).executeTakeFirst()
  return row?.id
}
