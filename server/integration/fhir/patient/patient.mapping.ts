import type { Address, Extension, Identifier, Patient } from '@medplum/fhirtypes'
import type { Selectable } from 'kysely'
import type { FieldCipher } from '../../../platform/crypto/field-encryption.ts'
import type { ClientTable, Gender } from '../../../record/clients/client.table.ts'
import { unprocessable } from '../fhir-errors.ts'
import { EXT } from '../fhir-extensions.ts'
import { BSN_SYSTEM } from '../bsn-system.ts'
import { clientNameFromFhir, clientNameToFhir } from './patient-name.ts'
import { type AddressColumns, addressColumns, addressToFhir, emailColumns, phoneColumns, type TelecomColumns, telecomToFhir } from './contact-details.ts'
import { type ContactColumns, contactsFromFhir, contactToFhir } from './patient-contact.ts'
import { isValidBsn } from '../../../../shared/bsn.ts'

export type ClientRow = Selectable<ClientTable>

/** The client columns a Patient sets; the BSN separately, as it is stored encrypted. */
export interface PatientColumns extends AddressColumns, TelecomColumns {
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
  nationality: string
  nationality_system: string
  nationality_code: string
  general_practitioner: string
  active: boolean
  deceased: boolean
  deceased_on: string | null
  bsn: string | null
  /** Patient.contact, kept in its own table. */
  contacts: ContactColumns[]
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
    ...nationalityColumns(patient),
    ...addressColumns(address),
    ...phones,
    email: emailColumns(patient.telecom).email,
    general_practitioner: patient.generalPractitioner?.[0]?.display ?? '',
    // A death or a departure closes the client's links (docs/decisions/fhir-death-and-departure.md).
    active: patient.active !== false,
    deceased: patient.deceasedBoolean === true || patient.deceasedDateTime !== undefined,
    deceased_on: patient.deceasedDateTime ?? null,
    bsn,
    contacts: contactsFromFhir(patient.contact),
  }
}

function maritalStatusFromFhir(patient: Patient, gender: Gender): string {
  const coding = patient.maritalStatus?.coding?.find((c) => c.system === MARITAL_SYSTEM)
  const word = coding?.code ? MARITAL[coding.code] : undefined
  if (word === 'weduwe' && gender === 'male') return 'weduwnaar'
  return word ?? patient.maritalStatus?.text ?? ''
}

/** patient-nationality: its `code`, as words (shown in the profile) and the code beside them. */
function nationalityColumns(patient: Patient) {
  const concept = patient.extension?.find((e) => e.url === EXT.nationality)?.extension?.find((e) => e.url === 'code')?.valueCodeableConcept
  const coding = concept?.coding?.find((c) => c.code)
  return { nationality: coding?.display ?? concept?.text ?? '', nationality_system: coding?.system ?? '', nationality_code: coding?.code ?? '' }
}

function nationalityToFhir(row: ClientRow): Extension[] {
  if (!row.nationality && !row.nationality_code) return []
  const coding = row.nationality_code ? [{ ...(row.nationality_system ? { system: row.nationality_system } : {}), code: row.nationality_code, ...(row.nationality ? { display: row.nationality } : {}) }] : undefined
  return [{ url: EXT.nationality, extension: [{ url: 'code', valueCodeableConcept: coding ? { coding } : { text: row.nationality } }] }]
}

function homeAddress(addresses: Address[] | undefined): Address | undefined {
  return addresses?.find((a) => a.use === 'home' && a.type !== 'postal') ?? addresses?.find((a) => a.use !== 'old') ?? addresses?.[0]
}

/** Client row → Patient, as nl-core-Patient has it. The BSN only when `cipher` is given. */
export function clientRowToPatient(row: ClientRow & { contacts?: ContactColumns[] }, identifierSystem: string, cipher?: FieldCipher): Patient {
  const identifier: Identifier[] = []
  if (row.ecd_id) identifier.push({ use: 'official', system: identifierSystem, value: row.ecd_id })
  if (row.bsn_encrypted && cipher) identifier.push({ use: 'official', system: BSN_SYSTEM, value: cipher.decrypt(row.bsn_encrypted) })
  const address = addressToFhir(row)
  const extension: Extension[] = [...nationalityToFhir(row), ...(row.place_of_birth ? [{ url: EXT.birthPlace, valueAddress: { city: row.place_of_birth } }] : [])]
  const telecom = telecomToFhir(row)
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
    ...(extension.length > 0 ? { extension } : {}),
    ...(address ? { address: [address] } : {}),
    ...(telecom.length > 0 ? { telecom } : {}),
    ...(row.marital_status ? { maritalStatus: { ...(maritalCode ? { coding: [{ system: MARITAL_SYSTEM, code: maritalCode, display: MARITAL_DISPLAY[maritalCode] }] } : {}), text: row.marital_status } } : {}),
    ...(row.general_practitioner ? { generalPractitioner: [{ display: row.general_practitioner }] } : {}),
    ...(row.contacts && row.contacts.length > 0 ? { contact: row.contacts.map(contactToFhir) } : {}),
  }
}

