import type { Organization } from '@medplum/fhirtypes'
import { unprocessable } from '../fhir-errors.ts'
import type { FhirResourceType } from '../fhir-resource-type.ts'
import { rowReads } from '../fhir-row-reads.ts'
import { type TeamRow, organizationToColumns, teamRowToOrganization } from './organization.mapping.ts'
import { findTeamByEcdId, findTeamById, insertTeam, searchTeams, updateTeam } from './organization.repository.ts'

const { stored, ...reads } = rowReads<Organization, TeamRow>(
  { findById: findTeamById, findByEcdId: findTeamByEcdId, search: (db, { query, ecdId }) => searchTeams(db, query, ecdId) },
  (row, context) => teamRowToOrganization(row, context.caller.identifierSystem),
  () => null,
)

/** Organization → team (the care teams staff work in and clients are assigned to). */
export const organizationType: FhirResourceType<Organization> = {
  resourceType: 'Organization',
  dataKind: 'team',
  searchParams: ['identifier'],
  ...reads,
  save: async (db, context, organization, ecdId, existing) => {
    if (!ecdId) throw unprocessable('Organization.identifier', `an Organization needs the ECD's own identifier (system ${context.caller.identifierSystem})`)
    const columns = organizationToColumns(organization)
    if (existing) {
      const current = (await findTeamById(db, existing.id))!
      if (current.name === columns.name && current.location === columns.location && current.ecd_id === ecdId) return { stored: stored(current, context), changed: false }
      return { stored: stored(await updateTeam(db, existing.id, { ...columns, ecd_id: ecdId, updated_at: context.now }), context), changed: true }
    }
    return { stored: stored(await insertTeam(db, { ...columns, ecd_id: ecdId, created_at: context.now, updated_at: context.now }), context), changed: true }
  },
}
