import type { Extension, HumanName } from '@medplum/fhirtypes'
import { EXT, extensionValue, type PrimitiveExtensions, stringExtension } from '../fhir-extensions.ts'

/** The client's name as the portal keeps it. */
export interface ClientName {
  initials: string
  /** The name the portal calls the client by: the call name, else the first given name. */
  given_name: string
  name_prefix: string
  family_name: string
  name_text: string
  /** The official given names (birth names), space-separated. */
  given_names: string
  partner_prefix: string
  partner_name: string
  name_usage: string
}

type NameWithParts = HumanName & { _family?: PrimitiveExtensions; _given?: (PrimitiveExtensions | null)[] }

/** HL7's naamgebruik codes (humanname-assembly-order): which family names, in which order. */
const NAME_USAGES = ['NL1', 'NL2', 'NL3', 'NL4'] as const

/**
 * nl-core (zib NameInformation): the official name carries the own family name and its prefix
 * ("van", "uit de"), and the partner's, as extensions on `family`, the naamgebruik as
 * `humanname-assembly-order`, and given names and initials as `given` parts qualified BR (birth
 * name), CL (call name) or IN (initials). Without extensions the plain `family` is the family name.
 */
export function clientNameFromFhir(names: HumanName[] | undefined): ClientName | undefined {
  const all = (names ?? []) as NameWithParts[]
  const official = all.find((n) => n.use === 'official') ?? all.find((n) => n.use !== 'nickname' && n.use !== 'old') ?? all[0]
  if (!official) return undefined
  const familyParts = official._family?.extension
  const ownName = extensionValue(familyParts, EXT.ownName)
  const ownPrefix = extensionValue(familyParts, EXT.ownPrefix) ?? ''
  const partnerPrefix = extensionValue(familyParts, EXT.partnerPrefix) ?? ''
  const partnerName = extensionValue(familyParts, EXT.partnerName) ?? ''
  const family = ownName ?? stripPrefix(official.family ?? '', ownPrefix)

  const given = official.given ?? []
  const qualifierOf = (i: number) => extensionValue(official._given?.[i]?.extension ?? undefined, EXT.nameQualifier)
  const initials = given.filter((_, i) => qualifierOf(i) === 'IN').join('')
  const callNames = given.filter((_, i) => qualifierOf(i) === 'CL')
  const givenNames = given.filter((_, i) => qualifierOf(i) !== 'IN' && qualifierOf(i) !== 'CL')
  const callName = all.find((n) => n.use === 'usual')?.given?.[0] ?? callNames[0]
  const sentUsage = extensionValue(official.extension, EXT.assemblyOrder) ?? ''
  const name: ClientName = {
    initials: initials || initialsOf(givenNames),
    given_name: callName ?? givenNames[0] ?? initials,
    name_prefix: ownPrefix,
    family_name: family,
    name_text: (official.text ?? '').trim(),
    given_names: givenNames.join(' '),
    partner_prefix: partnerPrefix,
    partner_name: partnerName,
    name_usage: '',
  }
  // Naamgebruik as sent; without it, the order `family` is written in, when it is one of the four.
  name.name_usage = (NAME_USAGES as readonly string[]).includes(sentUsage)
    ? sentUsage
    : (partnerName ? NAME_USAGES.find((usage) => assembledFamily({ ...name, name_usage: usage }) === official.family) : undefined) ?? ''
  return name
}

function initialsOf(givenNames: string[]): string {
  return givenNames.flatMap((g) => g.split(/\s+/)).filter(Boolean).map((g) => `${g[0]}.`).join('')
}

function stripPrefix(family: string, prefix: string): string {
  return prefix && family.toLowerCase().startsWith(`${prefix.toLowerCase()} `) ? family.slice(prefix.length + 1) : family
}

/** The family name as the naamgebruik puts it together ("van Putten-van der Giessen"). */
export function assembledFamily(name: Pick<ClientName, 'name_prefix' | 'family_name' | 'partner_prefix' | 'partner_name' | 'name_usage'>): string {
  const own = [name.name_prefix, name.family_name].filter(Boolean).join(' ')
  const partner = [name.partner_prefix, name.partner_name].filter(Boolean).join(' ')
  if (!partner) return own
  switch (name.name_usage) {
    case 'NL2': return partner
    case 'NL3': return `${partner}-${own}`
    case 'NL4': return `${own}-${partner}`
    default: return own
  }
}

const qualified = (code: 'BR' | 'IN') => ({ extension: [{ url: EXT.nameQualifier, valueCode: code }] })

/**
 * The official name in nl-core's form, and the call name as a `usual` name. Given names come
 * back one part each (BR); the initials one part per initial (IN), unless they only repeat the
 * given names sent in full (nl-core: initials stand for the names not written out).
 */
export function clientNameToFhir(name: ClientName): HumanName[] {
  const givenNames = name.given_names.split(/\s+/).filter(Boolean)
  const initialParts = name.initials.match(/[^.\s]+\.?/g) ?? []
  const initialsRepeatGiven = givenNames.length > 0 && initialsOf(givenNames) === name.initials.replace(/\s+/g, '')
  const given = [...givenNames.map((g) => ({ value: g, code: 'BR' as const })), ...(initialsRepeatGiven ? [] : initialParts.map((i) => ({ value: i, code: 'IN' as const })))]
  const familyParts: Extension[] = [
    ...(name.name_prefix ? [stringExtension(EXT.ownPrefix, name.name_prefix)] : []),
    stringExtension(EXT.ownName, name.family_name),
    ...(name.partner_prefix ? [stringExtension(EXT.partnerPrefix, name.partner_prefix)] : []),
    ...(name.partner_name ? [stringExtension(EXT.partnerName, name.partner_name)] : []),
  ]
  const family = assembledFamily(name)
  const official: NameWithParts = {
    ...(name.name_usage ? { extension: [{ url: EXT.assemblyOrder, valueCode: name.name_usage }] } : {}),
    use: 'official',
    text: name.name_text || [name.given_name, family].filter(Boolean).join(' '),
    family,
    _family: { extension: familyParts },
    ...(given.length > 0 ? { given: given.map((g) => g.value), _given: given.map((g) => qualified(g.code)) } : {}),
  }
  return [official, ...(name.given_name ? [{ use: 'usual' as const, given: [name.given_name] }] : [])]
}
