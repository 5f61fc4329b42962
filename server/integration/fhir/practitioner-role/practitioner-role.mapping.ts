import type { PractitionerRole } from '@medplum/fhirtypes'
import type { Selectable } from 'kysely'
import type { PractitionerRoleTable } from '../../../record/care-team/care-team.table.ts'
import { unprocessable } from '../fhir-errors.ts'

export type PractitionerRoleRow = Selectable<PractitionerRoleTable>

/** PractitionerRole (nl-core-HealthProfessional-PractitionerRole) → the role's own columns; who and where are resolved by the caller. */
export function practitionerRoleToColumns(role: PractitionerRole): { role: string; active: boolean; valid_from: string | null; valid_until: string | null } {
  const validFrom = role.period?.start?.slice(0, 10) ?? null
  const validUntil = role.period?.end?.slice(0, 10) ?? null
  if (validFrom && validUntil && validUntil < validFrom) throw unprocessable('PractitionerRole.period', 'the period ends before it starts')
  const code = role.code?.[0] ?? role.specialty?.[0]
  return { role: code?.text ?? code?.coding?.[0]?.display ?? '', active: role.active ?? true, valid_from: validFrom, valid_until: validUntil }
}

export function roleRowToPractitionerRole(row: PractitionerRoleRow, identifierSystem: string): PractitionerRole {
  return {
    resourceType: 'PractitionerRole',
    id: row.id,
    meta: { versionId: String(row.version), lastUpdated: row.updated_at.toISOString() },
    identifier: [{ system: identifierSystem, value: row.ecd_id }],
    active: row.active,
    ...(row.valid_from || row.valid_until ? { period: { ...(row.valid_from ? { start: row.valid_from } : {}), ...(row.valid_until ? { end: row.valid_until } : {}) } } : {}),
    practitioner: { reference: `Practitioner/${row.staff_member_id}` },
    organization: { reference: `Organization/${row.team_id}` },
    ...(row.role ? { code: [{ text: row.role }] } : {}),
  }
}
