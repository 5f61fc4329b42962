import type { Insertable } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import type { CareAssignmentTable } from '../care-team/care-team.table.ts'

/** Every assignment of the client, past, current and future, by role and start. */
export async function findAllAssignments(db: Db, clientId: string) {
  return db
    .selectFrom('care_assignment')
    .leftJoin('team', 'team.id', 'care_assignment.team_id')
    .leftJoin('staff_member', 'staff_member.id', 'care_assignment.staff_member_id')
    .select([
      'care_assignment.id', 'care_assignment.role', 'care_assignment.discipline', 'care_assignment.valid_from', 'care_assignment.valid_until',
      'team.id as team_id', 'team.name as team_name', 'team.location as team_location',
      'staff_member.id as staff_id', 'staff_member.name as staff_name', 'staff_member.discipline as staff_discipline',
    ])
    .where('care_assignment.client_id', '=', clientId)
    .orderBy('care_assignment.role')
    .orderBy('care_assignment.valid_from', 'desc')
    .orderBy('care_assignment.id')
    .execute()
}

export type AssignmentListRow = Awaited<ReturnType<typeof findAllAssignments>>[number]

export async function teamExists(db: Db, teamId: string): Promise<boolean> {
  return (await db.selectFrom('team').select('id').where('id', '=', teamId).executeTakeFirst()) !== undefined
}

export async function staffMemberExists(db: Db, staffMemberId: string): Promise<boolean> {
  return (await db.selectFrom('staff_member').select('id').where('id', '=', staffMemberId).executeTakeFirst()) !== undefined
}

export async function insertAssignment(db: Db, row: Insertable<CareAssignmentTable>) {
  return db.insertInto('care_assignment').values(row).returning('id').executeTakeFirstOrThrow()
}

/** One assignment of this client; another client's id finds nothing. */
export async function findAssignment(db: Db, clientId: string, assignmentId: string) {
  return db.selectFrom('care_assignment').select(['id', 'valid_from', 'valid_until']).where('client_id', '=', clientId).where('id', '=', assignmentId).forUpdate().executeTakeFirst()
}

export async function setAssignmentEnd(db: Db, assignmentId: string, validUntil: string): Promise<void> {
  await db.updateTable('care_assignment').set({ valid_until: validUntil }).where('id', '=', assignmentId).execute()
}

/** Teams and caregivers to choose from, by name. */
export async function findDirectory(db: Db) {
  const teams = await db.selectFrom('team').select(['id', 'name', 'location']).orderBy('name').orderBy('id').execute()
  const staff = await db.selectFrom('staff_member').select(['id', 'name', 'discipline']).where('is_caregiver', '=', true).orderBy('name').orderBy('id').execute()
  return { teams, staff }
}
