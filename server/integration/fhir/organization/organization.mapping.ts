import type { Organization } from '@medplum/fhirtypes'
import type { Selectable } from 'kysely'
import type { TeamTable } from '../../../record/care-team/care-team.table.ts'
import { unprocessable } from '../fhir-errors.ts'

export type TeamRow = Selectable<TeamTable>

/** Organization → team: its name, and where it works (the address's city, else its first line). */
export function organizationToColumns(organization: Organization): { name: string; location: string } {
  const name = organization.name?.trim()
  if (!name) throw unprocessable('Organization.name', 'a team needs a name')
  const address = organization.address?.[0]
  return { name, location: address?.city ?? address?.line?.[0] ?? '' }
}

/** Team → Organization (a care team of the organisation: type "team"). */
export function teamRowToOrganization(row: TeamRow, identifierSystem: string): Organization {
  return {
    resourceType: 'Organization',
    id: row.id,
    meta: { versionId: String(row.version), lastUpdated: row.updated_at.toISOString() },
    ...(row.ecd_id ? { identifier: [{ system: identifierSystem, value: row.ecd_id }] } : {}),
    active: true,
    type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'team', display: 'Organizational team' }] }],
    name: row.name,
    ...(row.location ? { address: [{ city: row.location }] } : {}),
  }
}
