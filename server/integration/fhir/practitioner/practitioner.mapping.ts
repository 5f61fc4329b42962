import type { HumanName, Practitioner } from '@medplum/fhirtypes'
import { unprocessable } from '../fhir-errors.ts'

/** What the portal keeps of a Practitioner: the staff member's name and discipline. */
export interface StaffRow {
  id: string
  ecd_id: string | null
  name: string
  discipline: string
  version: number
  updated_at: Date
}

/** The name as a person reads it: `text`, else given names and family name in order. */
export function displayName(names: HumanName[] | undefined): string {
  const name = names?.find((n) => n.use === 'official') ?? names?.[0]
  return (name?.text ?? [...(name?.given ?? []), name?.family ?? ''].join(' ')).replace(/\s+/g, ' ').trim()
}

/** Practitioner (nl-core-HealthProfessional-Practitioner) → staff member; no account: that is the administrators' decision. */
export function practitionerToColumns(practitioner: Practitioner): { name: string; discipline: string } {
  const name = displayName(practitioner.name)
  if (!name) throw unprocessable('Practitioner.name', 'a staff member needs a name')
  const qualification = practitioner.qualification?.[0]?.code
  return { name, discipline: qualification?.text ?? qualification?.coding?.[0]?.display ?? '' }
}

export function staffRowToPractitioner(row: StaffRow, identifierSystem: string): Practitioner {
  return {
    resourceType: 'Practitioner',
    id: row.id,
    meta: { versionId: String(row.version), lastUpdated: row.updated_at.toISOString() },
    ...(row.ecd_id ? { identifier: [{ system: identifierSystem, value: row.ecd_id }] } : {}),
    name: [{ use: 'official', text: row.name }],
    ...(row.discipline ? { qualification: [{ code: { text: row.discipline } }] } : {}),
  }
}
