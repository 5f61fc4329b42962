import type { CareAssignment, CareTeamDirectory, EndCareAssignment, NewCareAssignment, WorkspaceCareTeam } from '../../../shared/schemas/workspace-record.ts'
import { amsterdamDate } from '../../platform/amsterdam-time.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import type { RequestSource } from '../../platform/access-log/access-log.service.ts'
import type { ActiveSession } from '../../identity/authentication/session.service.ts'
import { findAssignmentsValidOn } from '../client-profile/client-profile.repository.ts'
import { assignmentsToCareTeam } from '../client-profile/client-profile.service.ts'
import {
  type AssignmentListRow, findAllAssignments, findAssignment, findDirectory, insertAssignment, setAssignmentEnd, staffMemberExists, teamExists,
} from './workspace-care-team.repository.ts'
import { requireCaregiver } from './workspace.policy.ts'
import { withClientOfCaregiver } from './workspace.service.ts'

export function assignmentRowToCareAssignment(row: AssignmentListRow, today: string): CareAssignment {
  return {
    id: row.id,
    role: row.role,
    team: row.team_id !== null ? { id: row.team_id, name: row.team_name ?? '', location: row.team_location ?? '' } : null,
    staff: row.staff_id !== null ? { id: row.staff_id, name: row.staff_name ?? '' } : null,
    discipline: row.discipline || row.staff_discipline || '',
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    activeToday: row.valid_from <= today && (row.valid_until === null || row.valid_until >= today),
  }
}

/** The care team with its history, and today's summary exactly as the portal's "Wie heeft er vandaag toegang?" shows it. */
export async function getCareTeam(db: Db, session: ActiveSession, clientId: string, source: RequestSource, now: Date): Promise<WorkspaceCareTeam> {
  const today = amsterdamDate(now)
  return withClientOfCaregiver(db, session, clientId, { action: 'read', dataKind: 'care_team' }, source, now, async (trx, access) => ({
    assignments: (await findAllAssignments(trx, access.clientId)).map((row) => assignmentRowToCareAssignment(row, today)),
    today: assignmentsToCareTeam(await findAssignmentsValidOn(trx, access.clientId, today), today),
  }))
}

/**
 * Assigns a team (role team) or a staff member (EVV-er, responsible, practitioner) to the
 * client for a period. It decides who may open the record, so it is checked and logged like any write.
 */
export async function addAssignment(db: Db, session: ActiveSession, clientId: string, input: NewCareAssignment, source: RequestSource, now: Date): Promise<{ id: string }> {
  const isTeam = input.role === 'team'
  if ((isTeam ? input.teamId === null || input.staffMemberId !== null : input.staffMemberId === null) || (input.validUntil !== null && input.validUntil < input.validFrom)) {
    throw new AppError('care_assignment_invalid')
  }
  return withClientOfCaregiver(db, session, clientId, { action: 'create', dataKind: 'care_assignment', recordId: (r: { id: string }) => r.id }, source, now, async (trx, access) => {
    if (input.teamId !== null && !(await teamExists(trx, input.teamId))) throw new AppError('care_assignment_invalid', 'unknown team')
    if (input.staffMemberId !== null && !(await staffMemberExists(trx, input.staffMemberId))) throw new AppError('care_assignment_invalid', 'unknown staff member')
    return insertAssignment(trx, {
      client_id: access.clientId, role: input.role, team_id: input.teamId, staff_member_id: input.staffMemberId,
      discipline: input.discipline.trim(), valid_from: input.validFrom, valid_until: input.validUntil, ecd_id: null,
    })
  })
}

/** Ends an assignment on a day (its last valid day); it cannot end before it began. */
export async function endAssignment(
  db: Db, session: ActiveSession, key: { clientId: string; assignmentId: string }, input: EndCareAssignment, source: RequestSource, now: Date,
): Promise<{ id: string }> {
  return withClientOfCaregiver(db, session, key.clientId, { action: 'update', dataKind: 'care_assignment', recordId: key.assignmentId }, source, now, async (trx, access) => {
    const row = await findAssignment(trx, access.clientId, key.assignmentId)
    if (!row) throw notFound('care assignment')
    if (input.validUntil < row.valid_from) throw new AppError('care_assignment_invalid', 'ends before it starts')
    await setAssignmentEnd(trx, row.id, input.validUntil)
    return { id: row.id }
  })
}

/** Teams and caregivers to choose from; staff names only, no client data, so nothing to log. */
export async function getDirectory(db: Db, session: ActiveSession): Promise<CareTeamDirectory> {
  await requireCaregiver(db, session)
  return findDirectory(db)
}
