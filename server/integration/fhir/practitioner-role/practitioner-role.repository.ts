import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../../../platform/db/database.ts'
import { validOnDay } from '../../../platform/db/valid-on-day.ts'
import type { PractitionerRoleTable } from '../../../record/care-team/care-team.table.ts'
import { isRowId, lastUpdatedCondition } from '../fhir-repository-helpers.ts'
import type { SearchQuery } from '../fhir-resource-type.ts'

export async function findRoleById(db: Db, id: string) {
  if (!isRowId(id)) return undefined
  return db.selectFrom('practitioner_role').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findRoleByEcdId(db: Db, ecdId: string) {
  return db.selectFrom('practitioner_role').selectAll().where('ecd_id', '=', ecdId).executeTakeFirst()
}

export async function searchRoles(db: Db, query: SearchQuery, ecdId: string | undefined) {
  let select = db.selectFrom('practitioner_role').selectAll().where(lastUpdatedCondition('practitioner_role.updated_at', query.lastUpdated))
  if (ecdId !== undefined) select = select.where('ecd_id', '=', ecdId)
  return select.orderBy('updated_at').orderBy('id').limit(query.count).execute()
}

export async function insertRole(db: Db, values: Insertable<PractitionerRoleTable>) {
  return db.insertInto('practitioner_role').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function updateRole(db: Db, id: string, values: Updateable<PractitionerRoleTable>) {
  return db.updateTable('practitioner_role').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}

/**
 * Makes team_membership follow the ECD's roles for one staff member and team: a member while
 * any role of the pair is active today, not a member once none is.
 */
export async function syncMembership(db: Db, pair: { staff_member_id: string; team_id: string }, today: string): Promise<void> {
  const active = await db
    .selectFrom('practitioner_role')
    .select('id')
    .where('staff_member_id', '=', pair.staff_member_id)
    .where('team_id', '=', pair.team_id)
    .where('active', '=', true)
    .where((eb) => validOnDay(eb, { from: 'valid_from', until: 'valid_until' }, today))
    .executeTakeFirst()
  if (active) {
    await db.insertInto('team_membership').values({ staff_member_id: pair.staff_member_id, team_id: pair.team_id }).onConflict((oc) => oc.doNothing()).execute()
  } else {
    await db.deleteFrom('team_membership').where('staff_member_id', '=', pair.staff_member_id).where('team_id', '=', pair.team_id).execute()
  }
}
