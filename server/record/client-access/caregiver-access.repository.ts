import type { ExpressionBuilder } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import type { Database } from '../../platform/db/schema.ts'
import { validOnDay } from '../../platform/db/valid-on-day.ts'

/**
 * The caregiver-assignment rule, written once: a care assignment valid on `today` (a Dutch
 * calendar day) that is the staff member's own (EVV-er, responsible, practitioner) or a team
 * assignment of one of their teams. Another role given to a team opens nothing to its members.
 */
export function assignmentOfCaregiver(eb: ExpressionBuilder<Database, 'care_assignment'>, staffMemberId: string, today: string) {
  return eb.and([
    validOnDay(eb, { from: 'care_assignment.valid_from', until: 'care_assignment.valid_until' }, today),
    eb.or([
      eb('care_assignment.staff_member_id', '=', staffMemberId),
      eb.and([
        eb('care_assignment.role', '=', 'team'),
        eb('care_assignment.team_id', 'in', eb.selectFrom('team_membership').select('team_membership.team_id').where('team_membership.staff_member_id', '=', staffMemberId)),
      ]),
    ]),
  ])
}

/** The ids of the clients a staff member may see on `today`. Read fresh on every request, like the portal's links. */
export function caseloadClientIds(db: Db, staffMemberId: string, today: string) {
  return db
    .selectFrom('care_assignment')
    .select('care_assignment.client_id')
    .where((eb) => assignmentOfCaregiver(eb, staffMemberId, today))
}

/**
 * Why the staff member may see this client today: the names of their teams assigned to the
 * client and their own roles in its care team. Empty: no access.
 */
export async function findCaregiverBasis(db: Db, staffMemberId: string, clientId: string, today: string) {
  return db
    .selectFrom('care_assignment')
    .leftJoin('team', 'team.id', 'care_assignment.team_id')
    .select(['care_assignment.role', 'team.name as team_name', 'care_assignment.team_id'])
    .where('care_assignment.client_id', '=', clientId)
    .where((eb) => assignmentOfCaregiver(eb, staffMemberId, today))
    .orderBy('care_assignment.role')
    .orderBy('team.name')
    .execute()
}
