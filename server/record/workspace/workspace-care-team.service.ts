import type { CareAssignment, CareTeamDirectory, EndCareAssignment, NewCareAssignment, WorkspaceCareTeam } from '../../../shared/schemas/workspace-record.ts'
import { amsterdamDate } from '../../platform/amsterdam-time.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import { findAssignmentsValidOn } from '../client-profile/client-profile.repository.ts'
import { assignmentsToCareTeam } from '../client-profile/client-profile.service.ts'
import {
  type AssignmentListRow, findAllAssignments, findAssignment, findDirectory, insertAssignment, setAssignmentEnd, staffMemberExists, teamExists,
} from './workspace-care-team.repository.ts'
import { requireCaregiver } from '../client-access/caregiver-access.policy.ts'
import { asCaregiver } from '../client-access/caregiver-access.policy.ts'
import type { RequestContext } from '../../platform/http/request-context.ts'
import { throughRecord } from '../client-access/record-door.ts'

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
export async function getCareTeam(context: RequestContext, clientId: string): Promise<WorkspaceCareTeam> {
  const { now } = context
  const today = amsterdamDate(now)
  return throughRecord(context, asCaregiver, clientId, { action: 'read', dataKind: 'care_team' }, async (trx, access) => ({
    assignments: (await findAllAssignments(trx, access.clientId)).map((row) => assignmentRowToCareAssignment(row, today)),
    today: assignmentsToCareTeam(await findAssignmentsValidOn(trx, access.clientId, today), today),
  }))
}

/**
 * Assigns a team (role team) or a staff member (EVV-er, responsible, practitioner) to the
 * client for a period. It decides who may open the record, so it is checked and logged like any write.
 */
export async function addAssignment(context: RequestContext, clientId: string, input: NewCareAssignment): Promise<{ id: string }> {
  const isTeam = input.role === 'team'
  if ((isTeam ? input.teamId === null || input.staffMemberId !== null : input.staffMemberId === null) || (input.validUntil !== null && input.validUntil < input.validFrom)) {
    throw new AppError('care_assignment_invalid')
  }
  return throughRecord(context, asCaregiver, clientId, { action: 'create', dataKind: 'care_assignment', recordId: (r: { id: string }) => r.id }, async (trx, access) => {
    if (input.teamId !== null && !(await teamExists(trx, input.teamId))) throw new AppError('care_assignment_invalid', 'unknown team')
    if (input.staffMemberId !== null && !(await staffMemberExists(trx, input.staffMemberId))) throw new AppError('care_assignment_invalid', 'unknown staff member')
    return insertAssignment(trx, {
      client_id: access.clientId, role: input.role, team_id: input.teamId, staff_member_id: input.staffMemberId,
      discipline: input.discipline.trim(), valid_from: input.validFrom, valid_until: input.validUntil, ecd_id: null,
    })
  })
}

/** Ends an assignment on a day (its last valid day); it cannot end before it began. */
export async function endAssignment(context: RequestContext, key: { clientId: string; assignmentId: string }, input: EndCareAssignment): Promise<{ id: string }> {
  return throughRecord(context, asCaregiver, key.clientId, { action: 'update', dataKind: 'care_assignment', recordId: key.assignmentId }, async (trx, access) => {
    const row = await findAssignment(trx, access.clientId, key.assignmentId)
    if (!row) throw notFound('care assignment')
    if (input.validUntil < row.valid_from) throw new AppError('care_assignment_invalid', 'ends before it starts')
    await setAssignmentEnd(trx, row.id, input.validUntil)
    return { id: row.id }
  })
}

/** Teams and caregivers to choose from; staff names only, no client data, so nothing to log. */
export async function getDirectory({ db, session }: RequestContext): Promise<CareTeamDirectory> {
  await requireCaregiver(db, session)
  return findDirectory(db)
}
