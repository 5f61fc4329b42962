import type { HumanName } from '@medplum/fhirtypes'
import { EXT, extensionValue, type PrimitiveExtensions, stringExtension } from '../fhir-extensions.ts'

/** The client's name as the portal keeps it. */
export interface ClientName {
  initials: string
  given_name: string
  name_prefix: string
  family_name: string
}

type NameWithParts = HumanName & { _family?: PrimitiveExtensions; _given?: (PrimitiveExtensions | null)[] }

/**
 * nl-core (zib NameInformation): the official name carries the own family name and its prefix
 * ("van", "uit de") as extensions on `family`, and given names and initials as `given` parts
 * qualified BR (birth name), CL (call name) or IN (initials). Without extensions the plain
 * `family` is the family name.
 */
export function clientNameFromFhir(names: HumanName[] | undefined): ClientName | undefined {
  const all = (names ?? []) as NameWithParts[]
  const official = all.find((n) => n.use === 'official') ?? all.find((n) => n.use !== 'nickname' && n.use !== 'old') ?? all[0]
  if (!official) return undefined
  const familyParts = official._family?.extension
  const ownName = extensionValue(familyParts, EXT.ownName)
  const ownPrefix = extensionValue(familyParts, EXT.ownPrefix) ?? ''
  const family = ownName ?? stripPrefix(official.family ?? '', ownPrefix)

  const given = official.given ?? []
  const qualifierOf = (i: number) => extensionValue(official._given?.[i]?.extension ?? undefined, EXT.nameQualifier)
  const initials = given.filter((_, i) => qualifierOf(i) === 'IN').join('')
  const givenNames = given.filter((_, i) => qualifierOf(i) !== 'IN')
  const callName = all.find((n) => n.use === 'usual')?.given?.[0]
  return {
    initials: initials || givenNames.map((g) => `${g[0]}.`).join(''),
    given_name: callName ?? givenNames[0] ?? initials,
    name_prefix: ownPrefix,
    family_name: family,
  }
}

function stripPrefix(family: string, prefix: string): string {
  return prefix && family.toLowerCase().startsWith(`${prefix.toLowerCase()} `) ? family.slice(prefix.length + 1) : family
}

/** The official name in nl-core's form, and the call name as a `usual` name. */
export function clientNameToFhir(name: ClientName): HumanName[] {
  const family = [name.name_prefix, name.family_name].filter(Boolean).join(' ')
  const initialParts = name.initials.match(/[^.\s]+\.?/g) ?? []
  const official: NameWithParts = {
    use: 'official',
    text: [name.given_name, family].filter(Boolean).join(' '),
    family,
    _family: {
      extension: [
        ...(name.name_prefix ? [stringExtension(EXT.ownPrefix, name.name_prefix)] : []),
        stringExtension(EXT.ownName, name.family_name),
      ],
    },
    // nl-core: one given part per initial ("J.P.M." is J., P. and M.), each qualified IN.
    ...(initialParts.length > 0 ? { given: initialParts, _given: initialParts.map(() => ({ extension: [{ url: EXT.nameQualifier, valueCode: 'IN' }] })) } : {}),
  }
  return [official, ...(name.given_name ? [{ use: 'usual' as const, given: [name.given_name] }] : [])]
}
