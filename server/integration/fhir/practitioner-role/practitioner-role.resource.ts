import type { PractitionerRole, Reference } from '@medplum/fhirtypes'
import type { Db } from '../../../platform/db/database.ts'
import { unprocessable } from '../fhir-errors.ts'
import type { FhirContext, FhirResourceType } from '../fhir-resource-type.ts'
import { rowReads } from '../fhir-row-reads.ts'
import { type PractitionerRoleRow, practitionerRoleToColumns, roleRowToPractitionerRole } from './practitioner-role.mapping.ts'
import { findMemberId } from '../care-team/care-team.repository.ts'
import { findRoleByEcdId, findRoleById, insertRole, searchRoles, syncMembership, updateRole } from './practitioner-role.repository.ts'

const { stored, ...reads } = rowReads<PractitionerRole, PractitionerRoleRow>(
  { findById: findRoleById, findByEcdId: findRoleByEcdId, search: (db, { query, ecdId }) => searchRoles(db, query, ecdId) },
  (row, context) => roleRowToPractitionerRole(row, context.caller.identifierSystem),
  () => null,
)

/** `Type/<id>`, `Type?identifier=<system>|<value>` or a logical reference with the ECD identifier; 422 when unknown. */
async function resolve(db: Db, context: FhirContext, reference: Reference | undefined, type: 'Practitioner' | 'Organization', expression: string): Promise<string> {
  const table = type === 'Practitioner' ? 'staff_member' : 'team'
  const text = reference?.reference ?? ''
  const byId = new RegExp(`^${type}/([0-9a-f-]{36})$`, 'i').exec(text)
  const byCondition = new RegExp(`^${type}\\?identifier=(.+)\\|([^|]+)$`).exec(text)
  const ecd = byCondition ? { system: decodeURIComponent(byCondition[1]!), value: decodeURIComponent(byCondition[2]!) } : text === '' ? reference?.identifier : undefined
  const id = byId
    ? await findMemberId(db, table, { id: byId[1]!.toLowerCase() })
    : ecd?.system === context.caller.identifierSystem && ecd.value ? await findMemberId(db, table, { ecdId: ecd.value }) : undefined
  if (!id) throw unprocessable(expression, `must refer to a known ${type} (send it first, or in the same transaction)`)
  return id
}

/** PractitionerRole → a staff member's place in a team: while active, a team membership (and so access). */
export const practitionerRoleType: FhirResourceType<PractitionerRole> = {
  resourceType: 'PractitionerRole',
  dataKind: 'team_membership',
  searchParams: ['identifier'],
  ...reads,
  save: async (db, context, role, ecdId, existing) => {
    if (!ecdId) throw unprocessable('PractitionerRole.identifier', `a PractitionerRole needs the ECD's own identifier (system ${context.caller.identifierSystem})`)
    const columns = {
      ...practitionerRoleToColumns(role),
      staff_member_id: await resolve(db, context, role.practitioner, 'Practitioner', 'PractitionerRole.practitioner'),
      team_id: await resolve(db, context, role.organization, 'Organization', 'PractitionerRole.organization'),
    }
    const today = context.now.toISOString().slice(0, 10)
    if (existing) {
      const current = (await findRoleById(db, existing.id))!
      const same = (Object.keys(columns) as (keyof typeof columns)[]).every((key) => current[key] === columns[key])
      if (same) return { stored: stored(current, context), changed: false }
      const row = await updateRole(db, existing.id, { ...columns, ecd_id: ecdId, updated_at: context.now })
      // The team it left loses the member unless another active role keeps them there.
      if (current.team_id !== row.team_id || current.staff_member_id !== row.staff_member_id) await syncMembership(db, current, today)
      await syncMembership(db, row, today)
      return { stored: stored(row, context), changed: true }
    }
    const row = await insertRole(db, { ...columns, ecd_id: ecdId, created_at: context.now, updated_at: context.now })
    await syncMembership(db, row, today)
    return { stored: stored(row, context), changed: true }
  },
}
