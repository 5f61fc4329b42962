import type { HumanName, Identifier, Practitioner } from '@medplum/fhirtypes'
import { unprocessable } from '../fhir-errors.ts'
import { EXT, extensionValue, type PrimitiveExtensions, stringExtension } from '../fhir-extensions.ts'

/** What the portal keeps of a Practitioner: the staff member's name (shown, and its parts), discipline and register numbers. */
export interface StaffRow extends PractitionerColumns {
  id: string
  ecd_id: string | null
  version: number
  updated_at: Date
}

export interface PractitionerColumns {
  name: string
  discipline: string
  title: string
  given_name: string
  name_prefix: string
  family_name: string
  big_number: string
  uzi_number: string
  ura_number: string
}

/** The Dutch registers' identifier systems (nl-core-HealthProfessional-Practitioner). */
const REGISTERS = {
  big_number: 'http://fhir.nl/fhir/NamingSystem/big',
  uzi_number: 'http://fhir.nl/fhir/NamingSystem/uzi-nr-pers',
  ura_number: 'http://fhir.nl/fhir/NamingSystem/ura',
} as const

type NameWithParts = HumanName & { _family?: PrimitiveExtensions }

const officialName = (names: HumanName[] | undefined) => (names?.find((n) => n.use === 'official') ?? names?.[0]) as NameWithParts | undefined

/** The name as a person reads it: `text`, else given names and family name in order. */
export function displayName(names: HumanName[] | undefined): string {
  const name = officialName(names)
  return (name?.text ?? [...(name?.given ?? []), name?.family ?? ''].join(' ')).replace(/\s+/g, ' ').trim()
}

/** Practitioner (nl-core-HealthProfessional-Practitioner) → staff member; no account: that is the administrators' decision. */
export function practitionerToColumns(practitioner: Practitioner): PractitionerColumns {
  const name = displayName(practitioner.name)
  if (!name) throw unprocessable('Practitioner.name', 'a staff member needs a name')
  const official = officialName(practitioner.name)
  const ownPrefix = extensionValue(official?._family?.extension, EXT.ownPrefix) ?? ''
  const ownName = extensionValue(official?._family?.extension, EXT.ownName)
  const qualification = practitioner.qualification?.[0]?.code
  const register = (system: string) => practitioner.identifier?.find((i) => i.system === system)?.value ?? ''
  return {
    name,
    discipline: qualification?.text ?? qualification?.coding?.[0]?.display ?? '',
    title: (official?.prefix ?? []).join(' '),
    given_name: (official?.given ?? []).join(' '),
    name_prefix: ownPrefix,
    family_name: ownName ?? official?.family ?? '',
    big_number: register(REGISTERS.big_number),
    uzi_number: register(REGISTERS.uzi_number),
    ura_number: register(REGISTERS.ura_number),
  }
}

export function staffRowToPractitioner(row: StaffRow, identifierSystem: string): Practitioner {
  const identifier: Identifier[] = [
    ...(row.ecd_id ? [{ system: identifierSystem, value: row.ecd_id }] : []),
    ...(Object.keys(REGISTERS) as (keyof typeof REGISTERS)[]).filter((key) => row[key]).map((key) => ({ system: REGISTERS[key], value: row[key] })),
  ]
  const split = (text: string) => text.split(/\s+/).filter(Boolean)
  const name: NameWithParts = {
    use: 'official',
    text: row.name,
    ...(row.family_name
      ? {
          family: [row.name_prefix, row.family_name].filter(Boolean).join(' '),
          _family: { extension: [...(row.name_prefix ? [stringExtension(EXT.ownPrefix, row.name_prefix)] : []), stringExtension(EXT.ownName, row.family_name)] },
        }
      : {}),
    ...(row.given_name ? { given: split(row.given_name) } : {}),
    ...(row.title ? { prefix: split(row.title) } : {}),
  }
  return {
    resourceType: 'Practitioner',
    id: row.id,
    meta: { versionId: String(row.version), lastUpdated: row.updated_at.toISOString() },
    ...(identifier.length > 0 ? { identifier } : {}),
    name: [name],
    ...(row.discipline ? { qualification: [{ code: { text: row.discipline } }] } : {}),
  }
}
