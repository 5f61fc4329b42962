import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../../../platform/db/database.ts'
import type { TeamTable } from '../../../record/care-team/care-team.table.ts'
import { isRowId, lastUpdatedCondition } from '../fhir-repository-helpers.ts'
import type { SearchQuery } from '../fhir-resource-type.ts'

export async function findTeamById(db: Db, id: string) {
  if (!isRowId(id)) return undefined
  return db.selectFrom('team').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findTeamByEcdId(db: Db, ecdId: string) {
  return db.selectFrom('team').selectAll().where('ecd_id', '=', ecdId).executeTakeFirst()
}

export async function searchTeams(db: Db, query: SearchQuery, ecdId: string | undefined) {
  let select = db.selectFrom('team').selectAll().where(lastUpdatedCondition('team.updated_at', query.lastUpdated))
  if (ecdId !== undefined) select = select.where('ecd_id', '=', ecdId)
  return select.orderBy('updated_at').orderBy('id').limit(query.count).execute()
}

export async function insertTeam(db: Db, values: Insertable<TeamTable>) {
  return db.insertInto('team').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function updateTeam(db: Db, id: string, values: Updateable<TeamTable>) {
  return db.updateTable('team').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}
