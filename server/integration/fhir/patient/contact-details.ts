import type { Address, ContactPoint } from '@medplum/fhirtypes'
import { EXT, extensionValue, type PrimitiveExtensions } from '../fhir-extensions.ts'

/**
 * Address and telecom of a person in a Patient (the client, and each Patient.contact): nl-core's
 * address parts and its mobile-phone code, to columns and back. Shared so both keep the same.
 */

/** The address columns of the client and of a contact person. */
export interface AddressColumns {
  street: string
  house_number: string
  postal_code: string
  city: string
  address_extra: string
  address_type: string
  district: string
  country: string
}

/** The telecom columns: one phone that is not a mobile (with its `use`), the mobile, the e-mail. */
export interface TelecomColumns {
  phone: string
  phone_use: string
  mobile_phone: string
  email: string
}

type AddressWithParts = Address & { _line?: (PrimitiveExtensions | null)[] }

/** nl-core keeps street and house number as extensions on the first line; else the line as written. */
export function addressColumns(address: Address | undefined): AddressColumns {
  const parts = (address as AddressWithParts | undefined)?._line?.[0]?.extension ?? undefined
  const street = extensionValue(parts, EXT.streetName)
  const number = [extensionValue(parts, EXT.houseNumber), extensionValue(parts, EXT.buildingNumberSuffix)].filter(Boolean).join(' ')
  return {
    street: street ?? address?.line?.[0] ?? '',
    house_number: street ? number : '',
    postal_code: (address?.postalCode ?? '').replace(/\s+/g, ' ').trim(),
    city: address?.city ?? '',
    address_extra: extensionValue(parts, EXT.additionalLocator) ?? address?.line?.slice(1).join(', ') ?? '',
    address_type: address?.type ?? '',
    district: address?.district ?? '',
    country: address?.country ?? '',
  }
}

type ContactPointWithParts = ContactPoint & { _system?: PrimitiveExtensions }

const ADDRESS_USE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-AddressUse'
/** nl-core marks a mobile number with telecom type MC (v3 AddressUse) on `system`; R4 with `use: mobile`. */
const MOBILE_CODING = { system: ADDRESS_USE_SYSTEM, code: 'MC', display: 'Mobile Phone' }

function isMobile(point: ContactPoint): boolean {
  const coding = (point as ContactPointWithParts)._system?.extension?.find((e) => e.url === EXT.codeSpecification)?.valueCodeableConcept?.coding ?? []
  return point.use === 'mobile' || coding.some((c) => c.system === ADDRESS_USE_SYSTEM && c.code === 'MC')
}

const current = (points: ContactPoint[] | undefined, system: 'phone' | 'email') => (points ?? []).filter((p) => p.system === system && !p.period?.end && p.value)

/** The mobile number and one other phone (home first), each kept apart: a mobile never comes back as `home`. */
export function phoneColumns(points: ContactPoint[] | undefined): Omit<TelecomColumns, 'email'> {
  const phones = current(points, 'phone')
  const mobile = phones.find(isMobile)
  const others = phones.filter((p) => !isMobile(p))
  const other = others.find((p) => p.use === 'home') ?? others[0]
  return { phone: other?.value ?? '', phone_use: other?.use ?? '', mobile_phone: mobile?.value ?? '' }
}

/** The e-mail address (home first) and its `use` as sent. */
export function emailColumns(points: ContactPoint[] | undefined): { email: string; email_use: string } {
  const ofSystem = current(points, 'email')
  const chosen = ofSystem.find((p) => p.use === 'home') ?? ofSystem[0]
  return { email: chosen?.value ?? '', email_use: chosen?.use ?? '' }
}

/** Telecom in nl-core's form; the e-mail's `use` as sent (the client's: home). */
export function telecomToFhir(row: TelecomColumns & { email_use?: string }): ContactPoint[] {
  const phoneUse = useOf(row.phone_use)
  return [
    ...(row.phone ? [{ system: 'phone' as const, value: row.phone, ...(phoneUse ? { use: phoneUse } : {}) }] : []),
    ...(row.mobile_phone
      ? [{ system: 'phone' as const, _system: { extension: [{ url: EXT.codeSpecification, valueCodeableConcept: { coding: [MOBILE_CODING] } }] }, value: row.mobile_phone, use: 'mobile' as const }]
      : []),
    ...(row.email ? [{ system: 'email' as const, value: row.email, use: useOf(row.email_use ?? 'home') ?? 'home' }] : []),
  ] as ContactPoint[]
}

const useOf = (use: string) => (['home', 'work', 'temp', 'old'] as const).find((known) => known === use)

/** The address in nl-core's form; undefined when nothing of it is known. */
export function addressToFhir(row: AddressColumns, use: Address['use'] = 'home'): Address | undefined {
  const line = [row.street, row.house_number].filter(Boolean).join(' ')
  if (!line && !row.city && !row.district && !row.country && !row.postal_code) return undefined
  const parts = [
    ...(row.street ? [{ url: EXT.streetName, valueString: row.street }] : []),
    ...(row.house_number ? [{ url: EXT.houseNumber, valueString: row.house_number }] : []),
    ...(row.address_extra ? [{ url: EXT.additionalLocator, valueString: row.address_extra }] : []),
  ]
  const address: AddressWithParts = {
    use,
    type: (['postal', 'both'] as const).find((type) => type === row.address_type) ?? 'physical',
    ...(line ? { line: [line], _line: [{ extension: parts }] } : {}),
    ...(row.postal_code ? { postalCode: row.postal_code } : {}),
    ...(row.city ? { city: row.city } : {}),
    ...(row.district ? { district: row.district } : {}),
    ...(row.country ? { country: row.country } : {}),
  }
  return address
}
