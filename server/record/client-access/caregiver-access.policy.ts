import { isUuid } from '../../../shared/schemas/common.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import { amsterdamDate } from '../../platform/amsterdam-time.ts'
import type { Actor } from '../../platform/access-log/access-log.service.ts'
import type { ActiveSession } from '../../identity/authentication/session.service.ts'
import { requireStaff, type StaffActor } from '../../identity/staff-access/staff-access.policy.ts'
import { findCaregiverBasis } from './caregiver-access.repository.ts'
import type { RecordAccess, RecordPolicy } from './record-door.ts'

/** What one caregiver may do with one client: all of the care record, through their team or own assignment. */
export interface CaregiverAccess extends RecordAccess {
  clientId: string
  staff: StaffActor
  /** The person, as the access log names them: actor type staff, role caregiver. */
  actor: Actor
  /** The team of theirs assigned to the client, if any: a report they write is this team's. */
  teamId: string | null
}


/** How the access log names a caregiver at work. */
export function caregiverActor(staff: StaffActor): Actor {
  return { type: 'staff', id: staff.accountId, role: 'caregiver', name: staff.name }
}

/**
 * A staff member with the caregiver role, read fresh (a blocked account, a role taken away
 * count at once), or 404: portal accounts and administrator-only staff get the same answer as
 * an unknown address, so the workspace's care content does not even show it exists to them.
 * A staff session that still has to enrol a strong factor keeps its own 403 with its message.
 */
export async function requireCaregiver(db: Db, session: ActiveSession): Promise<StaffActor> {
  if (session.kind !== 'staff') throw notFound('workspace')
  let staff: StaffActor
  try {
    staff = await requireStaff(db, session)
  } catch (error) {
    if (error instanceof AppError && error.code === 'forbidden') throw notFound('workspace')
    throw error
  }
  // Administrators read no care content by that role (issue 5, item 4): only as caregivers.
  if (!staff.roles.has('caregiver')) throw notFound('workspace')
  return staff
}

/**
 * The caregiver's access to one client: only the clients of their teams (a team assignment
 * valid today) and those they are personally assigned to today. Anything else is 404, the
 * same for another team's client and for an id that belongs to nobody.
 */
export async function requireClientOfCaregiver(db: Db, session: ActiveSession, clientId: string, now: Date): Promise<CaregiverAccess> {
  const staff = await requireCaregiver(db, session)
  if (!isUuid(clientId)) throw notFound('client')
  const basis = await findCaregiverBasis(db, staff.staffMemberId, clientId.toLowerCase(), amsterdamDate(now))
  const first = basis[0]
  if (!first) throw notFound('client')
  const team = basis.find((row) => row.role === 'team')
  return {
    clientId: clientId.toLowerCase(),
    staff,
    actor: { ...caregiverActor(staff), authentication: { method: session.wayIn, assurance: session.assurance } },
    teamId: team?.team_id ?? null,
    onBehalfLinkId: null,
    // Why they may: their team's name or their own role ("evv", ...).
    onBehalfOf: team?.team_name ?? first.role,
  }
}

/** The workspace's door to the record: a caregiver of the client, through their team or own assignment. */
export const asCaregiver: RecordPolicy<CaregiverAccess> = { require: requireClientOfCaregiver, refusedStaffRole: 'caregiver' }
