import type { CareTeam, CareTeamParticipant, CodeableConcept } from '@medplum/fhirtypes'
import type { Selectable } from 'kysely'
import type { CareAssignmentRole, CareTeamTable } from '../../../record/care-team/care-team.table.ts'
import { unprocessable } from '../fhir-errors.ts'
import type { AssignmentColumns } from './care-team.repository.ts'

export type CareTeamRow = Selectable<CareTeamTable>

/** The portal's own roles in a care team, when the ECD codes them (else the role's text decides). */
export const CARE_ROLE_SYSTEM = 'urn:clientportaal:care-assignment-role'
const ROLES: readonly CareAssignmentRole[] = ['team', 'evv', 'responsible', 'practitioner']

/** A participant as the mapping sees it: who (a resolved staff member or team) and in what role. */
export interface Participant {
  member: { kind: 'staff' | 'team'; id: string }
  role: CodeableConcept | undefined
  period: { start?: string; end?: string } | undefined
}

/** CareTeam → the team's period and name; the participants are resolved by the caller. */
export function careTeamToColumns(careTeam: CareTeam, today: string): { name: string; valid_from: string; valid_until: string | null } {
  const validUntil = careTeam.period?.end?.slice(0, 10) ?? null
  // A period with only an end (the HL7 example): the team ran until then; since when is not
  // known, and the portal needs a first day, so it is today or the end, whichever is earlier.
  const validFrom = careTeam.period?.start?.slice(0, 10) ?? (validUntil !== null && validUntil < today ? validUntil : today)
  if (validUntil !== null && validUntil < validFrom) throw unprocessable('CareTeam.period', 'the period ends before it starts')
  return { name: careTeam.name ?? '', valid_from: validFrom, valid_until: validUntil }
}

/** One care assignment per participant: EVV, responsible, practitioner or the whole team. */
export function participantToAssignment(participant: Participant, team: { valid_from: string; valid_until: string | null }): AssignmentColumns {
  const role = roleOf(participant)
  const discipline = participant.role?.text ?? participant.role?.coding?.find((c) => c.system !== CARE_ROLE_SYSTEM)?.display ?? ''
  return {
    staff_member_id: participant.member.kind === 'staff' ? participant.member.id : null,
    team_id: participant.member.kind === 'team' ? participant.member.id : null,
    role,
    discipline,
    valid_from: participant.period?.start?.slice(0, 10) ?? (participant.period?.end && participant.period.end.slice(0, 10) < team.valid_from ? participant.period.end.slice(0, 10) : team.valid_from),
    valid_until: participant.period?.end?.slice(0, 10) ?? team.valid_until,
  }
}

function roleOf(participant: Participant): CareAssignmentRole {
  if (participant.member.kind === 'team') return 'team'
  const coded = participant.role?.coding?.find((c) => c.system === CARE_ROLE_SYSTEM)?.code as CareAssignmentRole | undefined
  if (coded && ROLES.includes(coded)) return coded
  const text = `${participant.role?.text ?? ''} ${participant.role?.coding?.map((c) => c.display ?? '').join(' ') ?? ''}`
  if (/\bEVV\b|eerst\s*verantwoordelijk/i.test(text)) return 'evv'
  return 'practitioner'
}

/** One order for a team's members, whatever order they were sent or stored in: to compare, and to answer. */
export function canonicalOrder<T extends AssignmentColumns>(assignments: T[]): T[] {
  const key = (a: AssignmentColumns) => [a.role, a.staff_member_id ?? '', a.team_id ?? '', a.valid_from, a.valid_until ?? '', a.discipline].join('|')
  return [...assignments].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0))
}

/** Care team row and its assignments → CareTeam (nl-core-CareTeam). */
export function careTeamRowToFhir(row: CareTeamRow, assignments: AssignmentColumns[], identifierSystem: string): CareTeam {
  const participant: CareTeamParticipant[] = canonicalOrder(assignments).map((a) => ({
    role: [{ coding: [{ system: CARE_ROLE_SYSTEM, code: a.role }], ...(a.discipline ? { text: a.discipline } : {}) }],
    member: { reference: a.staff_member_id ? `Practitioner/${a.staff_member_id}` : `Organization/${a.team_id}` },
    period: { start: a.valid_from, ...(a.valid_until ? { end: a.valid_until } : {}) },
  }))
  return {
    resourceType: 'CareTeam',
    id: row.id,
    meta: { versionId: String(row.version), lastUpdated: row.updated_at.toISOString() },
    identifier: [{ system: identifierSystem, value: row.ecd_id }],
    status: 'active',
    ...(row.name ? { name: row.name } : {}),
    subject: { reference: `Patient/${row.client_id}` },
    period: { start: row.valid_from, ...(row.valid_until ? { end: row.valid_until } : {}) },
    ...(participant.length > 0 ? { participant } : {}),
  }
}
