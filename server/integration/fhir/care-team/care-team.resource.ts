import type { CareTeam, OperationOutcomeIssue, Reference } from '@medplum/fhirtypes'
import { isDeepStrictEqual } from 'node:util'
import type { Db } from '../../../platform/db/database.ts'
import { notKept, unprocessable } from '../fhir-errors.ts'
import { findBySourceIdentifier, sourceIdentifiersOf } from '../fhir-source-identifiers.ts'
import type { FhirContext, FhirResourceType, StoredResource } from '../fhir-resource-type.ts'
import { canonicalOrder, careTeamRowToFhir, type CareTeamRow, careTeamToColumns, type Participant, participantToAssignment } from './care-team.mapping.ts'
import {
  type AssignmentColumns, clientExists, findAssignmentsOfCareTeams, findCareTeamByEcdId, findCareTeamById, findMemberId,
  findIdByEcdId, findRoleStaffId, insertCareTeam, replaceAssignments, searchCareTeams, updateCareTeam,
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
/** Members nl-core-CareTeam allows that are not care providers: the client and the people around them. */
const NOT_PROVIDERS = new Set(['Patient', 'RelatedPerson'])

/**
 * A member by `Type/<id>`, by the ECD's own identifier (`Type?identifier=<system>|<value>`, or a
 * logical reference with `identifier`), for Practitioner, Organization (team) and PractitionerRole
 * (its staff member, as nl-core-CareTeam lists them). The client and their contact persons
 * (Patient, RelatedPerson) and contained resources are not care providers: undefined, told back
 * as a warning by the caller.
 */
async function resolveMember(db: Db, context: FhirContext, reference: Reference | undefined, index: number): Promise<Participant['member'] | undefined> {
  const expression = `CareTeam.participant[${index}].member`
  const text = reference?.reference ?? ''
  const byId = /^(\w+)\/([0-9a-f-]{36})$/i.exec(text)
  const byCondition = /^(\w+)\?identifier=(.+)\|([^|]+)$/.exec(text)
  const named = byId?.[1] ?? byCondition?.[1] ?? /^(\w+)\//.exec(text)?.[1] ?? (text === '' ? reference?.type : undefined)
  if (text.startsWith('#') || (named && NOT_PROVIDERS.has(named))) return undefined
  if (named !== 'Practitioner' && named !== 'Organization' && named !== 'PractitionerRole') throw unprocessable(expression, 'a member is a Practitioner, PractitionerRole, Organization (team), Patient or RelatedPerson')
  const ecd = byCondition ? { system: decodeURIComponent(byCondition[2]!), value: decodeURIComponent(byCondition[3]!) } : byId ? undefined : reference?.identifier
  // Another source's identifier names nothing here: each source's values mean something only in its own system.
  const source = ecd?.system && ecd.value ? await findBySourceIdentifier(db, named, ecd.system, ecd.value) : undefined
  const rowId = byId ? byId[2]!.toLowerCase() : source?.rowId ?? (ecd?.system === context.caller.identifierSystem && ecd.value ? await unclaimedRowId(db, named, ecd.value) : undefined)
  const found = rowId === undefined ? undefined : named === 'PractitionerRole' ? await findRoleStaffId(db, rowId) : await findMemberId(db, MEMBER_TYPES[named].table, { id: rowId })
  if (!found) throw unprocessable(expression, `unknown ${named}: send it first, or in the same transaction`)
  return { kind: named === 'Organization' ? 'team' : 'staff', id: found }
}

/** A row written before identifiers had systems, named by the caller's own identifier. */
async function unclaimedRowId(db: Db, resourceType: 'Practitioner' | 'Organization' | 'PractitionerRole', value: string): Promise<string | undefined> {
  const table = resourceType === 'PractitionerRole' ? 'practitioner_role' : MEMBER_TYPES[resourceType].table
  const id = await findIdByEcdId(db, table, value)
  if (!id || (await sourceIdentifiersOf(db, resourceType, [id])).length > 0) return undefined
  return id
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
    const warnings: OperationOutcomeIssue[] = []
    for (const [index, participant] of (careTeam.participant ?? []).entries()) {
      const member = await resolveMember(db, context, participant.member, index)
      if (member) assignments.push(participantToAssignment({ member, role: participant.role?.[0], period: participant.period }, columns))
      else warnings.push(notKept(`CareTeam.participant[${index}]`, 'the client, a contact person or a contained resource is not a care provider: the portal\'s care team does not list it'))
    }
    if (existing) {
      const current = (await findCareTeamById(db, existing.id))!
      const currentAssignments = (await findAssignmentsOfCareTeams(db, [existing.id])).map(({ care_team_id: _, ...a }) => a)
      const unchanged = current.client_id === clientId && current.name === columns.name && current.valid_from === columns.valid_from &&
        current.valid_until === columns.valid_until && isDeepStrictEqual(canonicalOrder(currentAssignments), canonicalOrder(assignments))
      if (unchanged) return { stored: existing, changed: false, warnings }
      const row = await updateCareTeam(db, existing.id, { ...columns, client_id: clientId, ecd_id: ecdId, updated_at: context.now })
      await replaceAssignments(db, row, assignments, context.now)
      return { stored: (await one(db, row, context))!, changed: true, warnings }
    }
    const row = await insertCareTeam(db, { ...columns, client_id: clientId, ecd_id: ecdId, created_at: context.now, updated_at: context.now })
    await replaceAssignments(db, row, assignments, context.now)
    return { stored: (await one(db, row, context))!, changed: true, warnings }
  },
}
