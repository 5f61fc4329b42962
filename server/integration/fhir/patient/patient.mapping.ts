import type { Address, ContactPoint, Identifier, Patient } from '@medplum/fhirtypes'
import type { Selectable } from 'kysely'
import type { FieldCipher } from '../../../platform/crypto/field-encryption.ts'
import type { ClientTable, Gender } from '../../../record/clients/client.table.ts'
import { unprocessable } from '../fhir-errors.ts'
import { EXT, extensionValue, type PrimitiveExtensions } from '../fhir-extensions.ts'
import { BSN_SYSTEM } from '../bsn-system.ts'
import { clientNameFromFhir, clientNameToFhir } from './patient-name.ts'
import { isValidBsn } from '../../../../shared/bsn.ts'

export type ClientRow = Selectable<ClientTable>

/** The client columns a Patient sets; the BSN separately, as it is stored encrypted. */
export interface PatientColumns {
  gender: Gender
  initials: string
  given_name: string
  name_prefix: string
  family_name: string
  name_text: string
  given_names: string
  partner_prefix: string
  partner_name: string
  name_usage: string
  date_of_birth: string
  marital_status: string
  place_of_birth: string
  street: string
  house_number: string
  postal_code: string
  city: string
  address_extra: string
  address_type: string
  district: string
  country: string
  phone: string
  phone_use: string
  mobile_phone: string
  email: string
  general_practitioner: string
  active: boolean
  deceased: boolean
  deceased_on: string | null
  bsn: string | null
}

const MARITAL_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus'
/** v3 MaritalStatus codes and the words the portal shows (as the ECD's registration form has them). */
const MARITAL: Record<string, string> = { M: 'gehuwd', S: 'ongehuwd', U: 'ongehuwd', D: 'gescheiden', L: 'gescheiden van tafel en bed', T: 'geregistreerd partnerschap', W: 'weduwe' }
/** The code system's own displays, served with the code. */
const MARITAL_DISPLAY: Record<string, string> = { M: 'Married', S: 'Never Married', U: 'unmarried', D: 'Divorced', L: 'Legally Separated', T: 'Domestic partner', W: 'Widowed' }
const GENDERS: readonly Gender[] = ['female', 'male', 'other', 'unknown']

/** The Dutch 11-proef, shared with the account's own BSN (DigiD). */
export { isValidBsn }

/** Patient → client columns, with the portal's own rules (422 when one is not met). */
export function patientToColumns(patient: Patient): PatientColumns {
  const name = clientNameFromFhir(patient.name)
  if (!name?.family_name || !name.given_name) throw unprocessable('Patient.name', 'an official name with a family name and a given name or initials is required')
  if (!patient.birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(patient.birthDate)) throw unprocessable('Patient.birthDate', 'a full birth date is required')
  const gender = (patient.gender ?? 'unknown') as Gender
  if (!GENDERS.includes(gender)) throw unprocessable('Patient.gender', 'gender must be female, male, other or unknown')
  const bsn = patient.identifier?.find((i) => i.system === BSN_SYSTEM)?.value ?? null
  if (bsn !== null && !isValidBsn(bsn)) throw unprocessable('Patient.identifier', 'the BSN does not pass the 11-test')
  const address = homeAddress(patient.address)
  const phones = phoneColumns(patient.telecom)
  return {
    gender,
    ...name,
    date_of_birth: patient.birthDate,
    marital_status: maritalStatusFromFhir(patient, gender),
    place_of_birth: patient.extension?.find((e) => e.url === EXT.birthPlace)?.valueAddress?.city ?? '',
    ...addressColumns(address),
    ...phones,
    email: telecom(patient.telecom, 'email'),
    general_practitioner: patient.generalPractitioner?.[0]?.display ?? '',
    // A death or a departure closes the client's links (docs/decisions/fhir-death-and-departure.md).
    active: patient.active !== false,
    deceased: patient.deceasedBoolean === true || patient.deceasedDateTime !== undefined,
    deceased_on: patient.deceasedDateTime ?? null,
    bsn,
  }
}

function maritalStatusFromFhir(patient: Patient, gender: Gender): string {
  const coding = patient.maritalStatus?.coding?.find((c) => c.system === MARITAL_SYSTEM)
  const word = coding?.code ? MARITAL[coding.code] : undefined
  if (word === 'weduwe' && gender === 'male') return 'weduwnaar'
  return word ?? patient.maritalStatus?.text ?? ''
}

function homeAddress(addresses: Address[] | undefined): Address | undefined {
  return addresses?.find((a) => a.use === 'home' && a.type !== 'postal') ?? addresses?.find((a) => a.use !== 'old') ?? addresses?.[0]
}

type AddressWithParts = Address & { _line?: (PrimitiveExtensions | null)[] }

/** nl-core keeps street and house number as extensions on the first line; else the line as written. */
function addressColumns(address: Address | undefined) {
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
function phoneColumns(points: ContactPoint[] | undefined) {
  const phones = current(points, 'phone')
  const mobile = phones.find(isMobile)
  const others = phones.filter((p) => !isMobile(p))
  const other = others.find((p) => p.use === 'home') ?? others[0]
  return { phone: other?.value ?? '', phone_use: other?.use ?? '', mobile_phone: mobile?.value ?? '' }
}

function telecom(points: ContactPoint[] | undefined, system: 'email'): string {
  const ofSystem = current(points, system)
  return (ofSystem.find((p) => p.use === 'home') ?? ofSystem[0])?.value ?? ''
}

/** Client row → Patient, as nl-core-Patient has it. The BSN only when `cipher` is given. */
export function clientRowToPatient(row: ClientRow, identifierSystem: string, cipher?: FieldCipher): Patient {
  const identifier: Identifier[] = []
  if (row.ecd_id) identifier.push({ use: 'official', system: identifierSystem, value: row.ecd_id })
  if (row.bsn_encrypted && cipher) identifier.push({ use: 'official', system: BSN_SYSTEM, value: cipher.decrypt(row.bsn_encrypted) })
  const line = [row.street, row.house_number].filter(Boolean).join(' ')
  const telecom = telecomOf(row)
  const maritalCode = Object.entries(MARITAL).find(([, word]) => word === row.marital_status || (word === 'weduwe' && row.marital_status === 'weduwnaar'))?.[0]
  return {
    resourceType: 'Patient',
    id: row.id,
    meta: { versionId: String(row.version), lastUpdated: row.updated_at.toISOString() },
    ...(identifier.length > 0 ? { identifier } : {}),
    name: clientNameToFhir(row),
    active: row.active,
    gender: row.gender,
    birthDate: row.date_of_birth,
    ...(row.deceased_on ? { deceasedDateTime: row.deceased_on } : { deceasedBoolean: row.deceased }),
    ...(row.place_of_birth ? { extension: [{ url: EXT.birthPlace, valueAddress: { city: row.place_of_birth } }] } : {}),
    ...(line || row.city || row.district || row.country ? { address: [addressToFhir(row, line)] } : {}),
    ...(telecom.length > 0 ? { telecom } : {}),
    ...(row.marital_status ? { maritalStatus: { ...(maritalCode ? { coding: [{ system: MARITAL_SYSTEM, code: maritalCode, display: MARITAL_DISPLAY[maritalCode] }] } : {}), text: row.marital_status } } : {}),
    ...(row.general_practitioner ? { generalPractitioner: [{ display: row.general_practitioner }] } : {}),
  }
}

function telecomOf(row: ClientRow): ContactPointWithParts[] {
  const phoneUse = (['home', 'work', 'temp', 'old'] as const).find((use) => use === row.phone_use)
  return [
    ...(row.phone ? [{ system: 'phone' as const, value: row.phone, ...(phoneUse ? { use: phoneUse } : {}) }] : []),
    ...(row.mobile_phone
      ? [{ system: 'phone' as const, _system: { extension: [{ url: EXT.codeSpecification, valueCodeableConcept: { coding: [MOBILE_CODING] } }] }, value: row.mobile_phone, use: 'mobile' as const }]
      : []),
    ...(row.email ? [{ system: 'email' as const, value: row.email, use: 'home' as const }] : []),
  ]
}

function addressToFhir(row: ClientRow, line: string): Address {
  const parts = [
    ...(row.street ? [{ url: EXT.streetName, valueString: row.street }] : []),
    ...(row.house_number ? [{ url: EXT.houseNumber, valueString: row.house_number }] : []),
    ...(row.address_extra ? [{ url: EXT.additionalLocator, valueString: row.address_extra }] : []),
  ]
  const address: AddressWithParts = {
    use: 'home',
    type: (['postal', 'both'] as const).find((type) => type === row.address_type) ?? 'physical',
    ...(line ? { line: [line], _line: [{ extension: parts }] } : {}),
    ...(row.postal_code ? { postalCode: row.postal_code } : {}),
    ...(row.city ? { city: row.city } : {}),
    ...(row.district ? { district: row.district } : {}),
    ...(row.country ? { country: row.country } : {}),
  }
  return address
}
