import type { Generated } from 'kysely'

/**
 * The identifier a source system (an ECD, a planning system) gives a portal row: a value is
 * only an identifier with its system. One row per source and portal row; the source that
 * created the portal row is its `owner` (docs/decisions/fhir-identifiers.md).
 */
export interface FhirSourceIdentifierTable {
  resource_type: string
  system: string
  value: string
  row_id: string
  integration_client_id: string | null
  owner: boolean
  created_at: Generated<Date>
}
