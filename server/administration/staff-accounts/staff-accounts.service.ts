import type { NewStaffRequest, StaffRoles, StaffSummary } from '../../../shared/schemas/admin-staff.ts'
import type { Config } from '../../config.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError, conflict, notFound, validationFailed } from '../../platform/errors.ts'
import { recordAccess, type RequestSource } from '../../platform/access-log/access-log.service.ts'
import { insertAccount, loginNameTaken } from '../../identity/accounts/account.repository.ts'
import { validateNewAccount } from '../../identity/accounts/account.service.ts'
import { sendPasswordLink } from '../../identity/authentication/password.service.ts'
import { endAccountSessions } from '../../identity/authentication/session.repository.ts'
import { administratorActor, type StaffActor } from '../../identity/staff-access/staff-access.policy.ts'
import {
  endAccount,
  findStaff,
  findStaffMember,
  findTeams,
  findTeamsOf,
  insertStaffMember,
  replaceTeamMemberships,
  type StaffRow,
  updateStaffRoles,
} from './staff-accounts.repository.ts'

async function toSummaries(db: Db, rows: StaffRow[]): Promise<StaffSummary[]> {
  const teams = await findTeamsOf(db, rows.map((row) => row.staff_member_id))
  return rows.map((row) => ({
    staffMemberId: row.staff_member_id,
    accountId: row.account_id,
    name: row.name,
    loginName: row.login_name,
    email: row.email,
    discipline: row.discipline,
    roles: { caregiver: row.is_caregiver, administrator: row.is_administrator },
    teams: teams.filter((team) => team.staff_member_id === row.staff_member_id).map(({ id, name, location }) => ({ id, name, location })),
    blockedAt: row.blocked_at?.toISOString() ?? null,
    endedAt: row.ended_at?.toISOString() ?? null,
  }))
}

async function requireStaffMember(db: Db, staffMemberId: string): Promise<StaffRow> {
  const row = await findStaffMember(db, staffMemberId)
  if (!row) throw notFound('staff member')
  return row
}

async function summaryOf(db: Db, staffMemberId: string): Promise<StaffSummary> {
  const [summary] = await toSummaries(db, [await requireStaffMember(db, staffMemberId)])
  if (!summary) throw notFound('staff member')
  return summary
}

function requireSomeRole(roles: StaffRoles): void {
  if (!roles.caregiver && !roles.administrator) throw validationFailed('a staff member needs at least one role')
}

async function requireTeams(db: Db, teamIds: string[]): Promise<void> {
  if ((await findTeams(db, teamIds)).length !== teamIds.length) throw validationFailed('unknown team')
}

export async function listStaff(db: Db, search: string): Promise<StaffSummary[]> {
  return toSummaries(db, await findStaff(db, search.trim()))
}

export async function listTeams(db: Db) {
  return findTeams(db)
}

/**
 * A staff account with its roles and teams, and the welcome e-mail, in one transaction. At the
 * first login an SMS code lets the person in only to set up an app or passkey (staff-access.policy.ts).
 */
export async function createStaff(db: Db, config: Pick<Config, 'publicBaseUrl'>, admin: StaffActor, input: NewStaffRequest, source: RequestSource, now: Date): Promise<StaffSummary> {
  requireSomeRole(input.roles)
  const valid = validateNewAccount({ kind: 'staff', loginName: input.loginName, name: input.name, email: input.email, phone: input.mobilePhone, temporaryPassword: false })
  const staffMemberId = await db.transaction().execute(async (trx) => {
    await requireTeams(trx, input.teamIds)
    if (await loginNameTaken(trx, valid.loginName)) throw conflict(`an account with login name "${valid.loginName}" already exists`)
    const account = await insertAccount(trx, {
      kind: 'staff', login_name: valid.loginName, display_name: valid.displayName, email: valid.email, mobile_phone: valid.mobilePhone,
      password_hash: null, password_changed_at: null, created_at: now, updated_at: now,
    })
    const member = await insertStaffMember(trx, {
      account_id: account.id, name: valid.displayName, discipline: input.discipline.trim(), is_caregiver: input.roles.caregiver, is_administrator: input.roles.administrator,
    })
    await replaceTeamMemberships(trx, member.id, input.teamIds)
    await sendPasswordLink(trx, config, account, 'welcome', now)
    await logStaffChange(trx, admin, 'create', member.id, source, now)
    return member.id
  })
  return summaryOf(db, staffMemberId)
}

/** Roles take effect on the next request. An administrator cannot take away their own administrator role. */
export async function changeRoles(db: Db, admin: StaffActor, staffMemberId: string, roles: StaffRoles, source: RequestSource, now: Date): Promise<StaffSummary> {
  requireSomeRole(roles)
  await db.transaction().execute(async (trx) => {
    const row = await requireStaffMember(trx, staffMemberId)
    if (row.account_id === admin.accountId && !roles.administrator) throw new AppError('own_account')
    await updateStaffRoles(trx, staffMemberId, { is_caregiver: roles.caregiver, is_administrator: roles.administrator })
    await logStaffChange(trx, admin, 'update', staffMemberId, source, now)
  })
  return summaryOf(db, staffMemberId)
}

/** The teams a staff member works in: which clients a caregiver sees follows from them. */
export async function changeTeams(db: Db, admin: StaffActor, staffMemberId: string, teamIds: string[], source: RequestSource, now: Date): Promise<StaffSummary> {
  await db.transaction().execute(async (trx) => {
    await requireStaffMember(trx, staffMemberId)
    await requireTeams(trx, teamIds)
    await replaceTeamMemberships(trx, staffMemberId, teamIds)
    await logStaffChange(trx, admin, 'update', staffMemberId, source, now)
  })
  return summaryOf(db, staffMemberId)
}

/** Removes a staff account for good: it cannot log in, and its sessions end at once. */
export async function removeStaff(db: Db, admin: StaffActor, staffMemberId: string, source: RequestSource, now: Date): Promise<StaffSummary> {
  await db.transaction().execute(async (trx) => {
    const row = await requireStaffMember(trx, staffMemberId)
    if (row.account_id === admin.accountId) throw new AppError('own_account')
    if (row.ended_at) throw conflict('already removed')
    await endAccount(trx, row.account_id, now)
    await endAccountSessions(trx, row.account_id, now)
    await logStaffChange(trx, admin, 'delete', staffMemberId, source, now)
  })
  return summaryOf(db, staffMemberId)
}

async function logStaffChange(db: Db, admin: StaffActor, action: 'create' | 'update' | 'delete', staffMemberId: string, source: RequestSource, now: Date) {
  await recordAccess(db, administratorActor(admin), source, { action, outcome: 'success', clientId: null, dataKind: 'staff_member', recordId: staffMemberId }, now)
}
