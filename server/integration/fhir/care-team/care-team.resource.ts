import type { CareTeam, Reference } from '@medplum/fhirtypes'
import { isDeepStrictEqual } from 'node:util'
import type { Db } from '../../../platform/db/database.ts'
import { unprocessable } from '../fhir-errors.ts'
import type { FhirContext, FhirResourceType, StoredResource } from '../fhir-resource-type.ts'
import { canonicalOrder, careTeamRowToFhir, type CareTeamRow, careTeamToColumns, type Participant, participantToAssignment } from './care-team.mapping.ts'
import {
  type AssignmentColumns, clientExists, findAssignmentsOfCareTeams, findCareTeamByEcdId, findCareTeamById, findMemberId,
  insertCareTeam, replaceAssignments, searchCareTeams, updateCareTeam,
} from './care-team.repository.ts'

async function withAssignments(db: Db, rows: CareTeamRow[], context: FhirContext): Promise<StoredResource<CareTeam>[]> {
  const assignments = await findAssignmentsOfCareTeams(db, rows.map((r) => r.id))
  return rows.map((row) => ({
    resource: careTeamRowToFhir(row, assignments.filter((a) => a.care_team_id === row.id), context.caller.identifierSystem),
    id: row.id,
    version: row.version,
    clientId: row.client_id,
  }))
}

async function one(db: Db, row: CareTeamRow | undefined, context: FhirContext) {
  return row ? (await withAssignments(db, [row], context))[0] : undefined
}

const MEMBER_TYPES = { Practitioner: { table: 'staff_member', kind: 'staff' }, Organization: { table: 'team', kind: 'team' } } as const

/**
 * A member by `Practitioner/<id>` / `Organization/<id>`, or by the ECD's own identifier
 * (`Practitioner?identifier=<system>|<value>`, or a logical reference with `identifier`).
 */
async function resolveMember(db: Db, context: FhirContext, reference: Reference | undefined, index: number): Promise<Participant['member']> {
  const expression = `CareTeam.participant[${index}].member`
  const text = reference?.reference ?? ''
  const byId = /^(Practitioner|Organization)\/([0-9a-f-]{36})$/i.exec(text)
  const byCondition = /^(Practitioner|Organization)\?identifier=(.+)\|([^|]+)$/.exec(text)
  const logicalType = reference?.type === 'Practitioner' || reference?.type === 'Organization' ? reference.type : undefined
  const type = (byId?.[1] ?? byCondition?.[1] ?? (text === '' ? logicalType : undefined)) as keyof typeof MEMBER_TYPES | undefined
  if (!type) throw unprocessable(expression, 'a member is a Practitioner or an Organization (team)')
  const ecd = byCondition ? { system: decodeURIComponent(byCondition[2]!), value: decodeURIComponent(byCondition[3]!) } : reference?.identifier
  const found = byId
    ? await findMemberId(db, MEMBER_TYPES[type].table, { id: byId[2]!.toLowerCase() })
    : ecd?.system === context.caller.identifierSystem && ecd.value
      ? await findMemberId(db, MEMBER_TYPES[type].table, { ecdId: ecd.value })
      : undefined
  if (!found) throw unprocessable(expression, `unknown ${type}: send it first, or in the same transaction`)
  return { kind: MEMBER_TYPES[type].kind, id: found }
}

/** CareTeam (nl-core-CareTeam) → the client's care assignments: "who has access today". */
export const careTeamType: FhirResourceType<CareTeam> = {
  resourceType: 'CareTeam',
  dataKind: 'care_team',
  searchParams: ['patient', 'identifier'],
  read: async (db, context, id) => one(db, await findCareTeamById(db, id), context),
  findByEcdId: async (db, context, ecdId) => one(db, await findCareTeamByEcdId(db, ecdId), context),
  search: async (db, context, query) => {
    if (query.identifier && query.identifier.system !== context.caller.identifierSystem) return []
    return withAssignments(db, await searchCareTeams(db, query, query.identifier?.value), context)
  },
  save: async (db, context, careTeam, ecdId, existing) => {
    if (!ecdId) throw unprocessable('CareTeam.identifier', `a CareTeam needs the ECD's own identifier (system ${context.caller.identifierSystem})`)
    const clientId = /^Patient\/([0-9a-f-]{36})$/i.exec(careTeam.subject?.reference ?? '')?.[1]?.toLowerCase()
    if (!clientId || !(await clientExists(db, clientId))) throw unprocessable('CareTeam.subject', 'must refer to a known client as Patient/<id> (send the Patient first, or in the same transaction)')
    const columns = careTeamToColumns(careTeam, context.now.toISOString().slice(0, 10))
    const assignments: AssignmentColumns[] = []
    for (const [index, participant] of (careTeam.participant ?? []).entries()) {
      const member = await resolveMember(db, context, participant.member, index)
      assignments.push(participantToAssignment({ member, role: participant.role?.[0], period: participant.period }, columns))
    }
    if (existing) {
      const current = (await findCareTeamById(db, existing.id))!
      const currentAssignments = (await findAssignmentsOfCareTeams(db, [existing.id])).map(({ care_team_id: _, ...a }) => a)
      const unchanged = current.client_id === clientId && current.name === columns.name && current.valid_from === columns.valid_from &&
        current.valid_until === columns.valid_until && isDeepStrictEqual(canonicalOrder(currentAssignments), canonicalOrder(assignments))
      if (unchanged) return { stored: existing, changed: false }
      const row = await updateCareTeam(db, existing.id, { ...columns, client_id: clientId, ecd_id: ecdId, updated_at: context.now })
      await replaceAssignments(db, row, assignments, context.now)
      return { stored: (await one(db, row, context))!, changed: true }
    }
    const row = await insertCareTeam(db, { ...columns, client_id: clientId, ecd_id: ecdId, created_at: context.now, updated_at: context.now })
    await replaceAssignments(db, row, assignments, context.now)
    return { stored: (await one(db, row, context))!, changed: true }
  },
}
