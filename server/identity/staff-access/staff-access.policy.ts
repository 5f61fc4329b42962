import type { Db } from '../../platform/db/database.ts'
import { AppError, forbidden } from '../../platform/errors.ts'
import type { Actor } from '../../platform/access-log/access-log.service.ts'
import type { ActiveSession } from '../authentication/session.service.ts'
import { findStaffOfSession, hasStrongSecondFactor } from './staff-access.repository.ts'

export type StaffRole = 'caregiver' | 'administrator'

/** A staff member acting through the workspace, with the roles they hold right now. */
export interface StaffActor {
  accountId: string
  staffMemberId: string
  name: string
  roles: ReadonlySet<StaffRole>
}

/**
 * Second factors that prove a staff login (issue 5: TOTP or passkey; recovery codes stand in for the app).
 * 'oidc': single sign-on at the organisation's IdP, which must enforce MFA (docs/decisions/sso.md).
 */
const STRONG_FACTORS = new Set(['totp', 'passkey', 'recovery_code', 'oidc'])

/**
 * The staff member behind the session, or a refusal: 403 for a portal account, a staff account
 * without a staff record, or a blocked/ended one; `second_factor_setup_required` when the
 * session was started with an SMS code only (the person may still reach "Mijn profiel" to enrol).
 */
export async function requireStaff(db: Db, session: ActiveSession): Promise<StaffActor> {
  if (session.kind !== 'staff') throw forbidden('not a staff account')
  const row = await findStaffOfSession(db, session.tokenHash)
  if (!row) throw forbidden('no active staff member behind this session')
  if (!STRONG_FACTORS.has(row.second_factor)) throw new AppError('second_factor_setup_required', `staff session started with ${row.second_factor || 'no factor'}`)
  const roles = new Set<StaffRole>()
  if (row.is_caregiver) roles.add('caregiver')
  if (row.is_administrator) roles.add('administrator')
  return { accountId: row.account_id, staffMemberId: row.staff_member_id, name: row.display_name, roles }
}

/** An administrator, or 403. Administrators manage accounts and links; they read no care content by this role. */
export async function requireAdministrator(db: Db, session: ActiveSession): Promise<StaffActor> {
  const staff = await requireStaff(db, session)
  if (!staff.roles.has('administrator')) throw forbidden('not an administrator')
  return staff
}

/** How the access log names an administrator at work. */
export function administratorActor(staff: StaffActor): Actor {
  return { type: 'staff', id: staff.accountId, role: 'administrator', name: staff.name }
}

/**
 * Login rule for staff (issue 5, item 1): once a staff account has an authenticator app or a
 * passkey, SMS is no longer a way in — a stolen SIM cannot open the workspace or remove the app.
 * Without one, SMS still logs in, but only to enrol one (see requireStaff).
 */
export async function smsLoginAllowed(db: Db, account: { id: string; kind: 'portal' | 'staff' }): Promise<boolean> {
  if (account.kind !== 'staff') return true
  return !(await hasStrongSecondFactor(db, account.id))
}

/** What the web app needs to choose a staff member's menu: their roles now, and whether only enrolment is open to this session. */
export async function staffRolesOfSession(db: Db, tokenHash: Buffer) {
  const row = await findStaffOfSession(db, tokenHash)
  if (!row) return { caregiver: false, administrator: false, secondFactorSetupRequired: false }
  return { caregiver: row.is_caregiver, administrator: row.is_administrator, secondFactorSetupRequired: !STRONG_FACTORS.has(row.second_factor) }
}
