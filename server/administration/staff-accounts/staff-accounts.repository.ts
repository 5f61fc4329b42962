import type { Db } from '../../platform/db/database.ts'
import { containsPattern } from '../../platform/db/contains-pattern.ts'

function staffWithAccount(db: Db) {
  return db
    .selectFrom('staff_member')
    .innerJoin('account', 'account.id', 'staff_member.account_id')
    .select([
      'staff_member.id as staff_member_id', 'staff_member.name', 'staff_member.discipline', 'staff_member.is_caregiver', 'staff_member.is_administrator',
      'account.id as account_id', 'account.login_name', 'account.email', 'account.blocked_at', 'account.ended_at',
    ])
}

/** Staff members who can log in, by name; `search` matches name, login name or e-mail. */
export async function findStaff(db: Db, search: string) {
  let query = staffWithAccount(db)
  if (search) {
    const pattern = containsPattern(search)
    query = query.where((eb) => eb.or([eb('staff_member.name', 'ilike', pattern), eb('account.login_name', 'ilike', pattern), eb('account.email', 'ilike', pattern)]))
  }
  return query.orderBy('staff_member.name').orderBy('staff_member.id').limit(200).execute()
}

export async function findStaffMember(db: Db, staffMemberId: string) {
  return staffWithAccount(db).where('staff_member.id', '=', staffMemberId).executeTakeFirst()
}

export type StaffRow = NonNullable<Awaited<ReturnType<typeof findStaffMember>>>

export async function findTeamsOf(db: Db, staffMemberIds: string[]) {
  if (staffMemberIds.length === 0) return []
  return db
    .selectFrom('team_membership')
    .innerJoin('team', 'team.id', 'team_membership.team_id')
    .select(['team_membership.staff_member_id', 'team.id', 'team.name', 'team.location'])
    .where('team_membership.staff_member_id', 'in', staffMemberIds)
    .orderBy('team.name')
    .execute()
}

export async function findTeams(db: Db, ids?: string[]) {
  let query = db.selectFrom('team').select(['id', 'name', 'location'])
  if (ids) {
    if (ids.length === 0) return []
    query = query.where('id', 'in', ids)
  }
  return query.orderBy('name').orderBy('id').execute()
}

export async function insertStaffMember(db: Db, member: { account_id: string; name: string; discipline: string; is_caregiver: boolean; is_administrator: boolean }) {
  return db.insertInto('staff_member').values(member).returning('id').executeTakeFirstOrThrow()
}

export async function updateStaffRoles(db: Db, staffMemberId: string, roles: { is_caregiver: boolean; is_administrator: boolean }): Promise<void> {
  await db.updateTable('staff_member').set(roles).where('id', '=', staffMemberId).execute()
}

export async function replaceTeamMemberships(db: Db, staffMemberId: string, teamIds: string[]): Promise<void> {
  await db.deleteFrom('team_membership').where('staff_member_id', '=', staffMemberId).execute()
  if (teamIds.length > 0) await db.insertInto('team_membership').values(teamIds.map((team_id) => ({ team_id, staff_member_id: staffMemberId }))).execute()
}

export async function endAccount(db: Db, accountId: string, now: Date): Promise<void> {
  await db.updateTable('account').set({ ended_at: now, updated_at: now }).where('id', '=', accountId).execute()
}
