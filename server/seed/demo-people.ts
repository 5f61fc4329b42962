import type { Faker } from '@faker-js/faker'
import type { Insertable } from 'kysely'
import type { ClientTable, Gender, LegalCapacity } from '../record/clients/client.table.ts'
import { addDays } from '../platform/amsterdam-time.ts'
import {
  ADMISSION_BASES, BORN_ABROAD, CAREGIVER_DISCIPLINES_PER_TEAM, FAMILY_NAMES, FEMALE_GIVEN_NAMES,
  GENERAL_PRACTITIONERS, HOME_CARE_ADMISSION, MALE_GIVEN_NAMES, MARITAL_STATUSES_FEMALE,
  MARITAL_STATUSES_MALE, PLACES_OF_BIRTH, PRACTITIONERS, STREETS, TEAMS, TOWNS,
} from './demo-texts.ts'
import { generateDistinctTestBsns, generateDutchIban, generatePostalCode } from './dutch-identifiers.ts'

/**
 * The people of the demo: teams, staff and clients, planned in memory with their ids so
 * every later row can refer to them without reading back from the database.
 */

export interface PlannedTeam {
  id: string
  name: string
  location: string
  homeCare: boolean
}

export interface PlannedStaff {
  id: string
  name: string
  discipline: string
  isCaregiver: boolean
  isAdministrator: boolean
  teamIndexes: readonly number[]
  /** Set for staff who have a staff account. */
  loginName?: string
}

/** Client columns except the encrypted ones: those are made at insert time from `bsn` and `iban`. */
export type ClientColumns = Omit<Insertable<ClientTable>, 'bsn_encrypted' | 'bsn_lookup' | 'bank_account_encrypted'>

export interface PlannedClient {
  id: string
  teamIndex: number
  admittedOn: string
  female: boolean
  columns: ClientColumns & { id: string; given_name: string; family_name: string; name_prefix: string }
  /** Plaintext only in memory: stored encrypted. */
  bsn: string
  iban: string
}

export interface DemoPeople {
  teams: PlannedTeam[]
  staff: PlannedStaff[]
  clients: PlannedClient[]
  /** The demo caregiver (demo.zorg) and administrator (demo.beheer). */
  demoCaregiver: PlannedStaff
  demoAdministrator: PlannedStaff
}

/** The three clients the demo portal accounts are linked to; they come first in `clients`. */
export const DEMO_CLIENT_INDEX = { self: 0, mother: 1, father: 2 } as const

export function planPeople(faker: Faker, today: string, clientCount: number): DemoPeople {
  const teams: PlannedTeam[] = TEAMS.map((team) => ({ id: faker.string.uuid(), ...team }))

  const demoCaregiver: PlannedStaff = {
    id: faker.string.uuid(), name: 'Sanne Verhoeven', discipline: 'Verzorgende IG',
    isCaregiver: true, isAdministrator: false, teamIndexes: [0], loginName: 'demo.zorg',
  }
  const demoAdministrator: PlannedStaff = {
    id: faker.string.uuid(), name: 'Mark Jansen', discipline: 'Functioneel beheerder',
    isCaregiver: false, isAdministrator: true, teamIndexes: [], loginName: 'demo.beheer',
  }
  const staff: PlannedStaff[] = [demoCaregiver, demoAdministrator]
  CAREGIVER_DISCIPLINES_PER_TEAM.forEach((disciplines, teamIndex) => {
    disciplines.forEach((discipline, position) => {
      // The first caregiver of each team has a staff account (not yet activated).
      staff.push(plannedStaffMember(faker, discipline, [teamIndex], position === 0 && teamIndex > 0))
    })
  })
  PRACTITIONERS.forEach((practitioner, position) => {
    staff.push(plannedStaffMember(faker, practitioner.discipline, practitioner.teams, position === 0))
  })

  const bsns = generateDistinctTestBsns(faker, clientCount)
  const clients = Array.from({ length: clientCount }, (_, index) =>
    planClient(faker, today, index, teams, bsns[index] ?? ''),
  )
  return { teams, staff, clients, demoCaregiver, demoAdministrator }
}

function plannedStaffMember(faker: Faker, discipline: string, teamIndexes: readonly number[], withAccount: boolean): PlannedStaff {
  const sex = faker.helpers.weightedArrayElement([{ value: 'female' as const, weight: 4 }, { value: 'male' as const, weight: 1 }])
  const firstName = faker.person.firstName(sex)
  const lastName = faker.person.lastName()
  const member: PlannedStaff = {
    id: faker.string.uuid(),
    name: `${firstName} ${lastName}`,
    discipline,
    isCaregiver: true,
    isAdministrator: false,
    teamIndexes,
  }
  if (withAccount) member.loginName = `${asciiLower(firstName)}.${asciiLower(lastName)}`
  return member
}

/** "Van 't Hof" → "vanthof": login names and e-mail local parts without spaces or accents. */
export function asciiLower(value: string): string {
  return value.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase()
}

interface Identity {
  female: boolean
  givenName: string
  prefix: string
  familyName: string
  ageDays: number
  maritalStatus: string
  teamIndex: number
  legalCapacity?: LegalCapacity
  admission?: { status: string; basis: string }
}

const VOLUNTARY = { status: 'Vrijwillig', basis: 'Wlz-indicatie' } as const

/** The demo accounts' clients: Wilhelmina (demo.client) and the parents of demo.familie. */
function fixedIdentity(index: number): Identity | undefined {
  if (index === DEMO_CLIENT_INDEX.self) {
    return { female: true, givenName: 'Wilhelmina', prefix: 'van', familyName: 'Dijk', ageDays: 84 * 365 + 120, maritalStatus: 'weduwe', teamIndex: 0, legalCapacity: 'wilsbekwaam', admission: VOLUNTARY }
  }
  if (index === DEMO_CLIENT_INDEX.mother) {
    return { female: true, givenName: 'Cornelia', prefix: 'uit de', familyName: 'Bosch', ageDays: 86 * 365 + 40, maritalStatus: 'gehuwd', teamIndex: 0, legalCapacity: 'wilsbekwaam', admission: VOLUNTARY }
  }
  if (index === DEMO_CLIENT_INDEX.father) {
    return {
      female: false, givenName: 'Hendrik', prefix: 'de', familyName: 'Graaf', ageDays: 89 * 365 + 200, maritalStatus: 'gehuwd', teamIndex: 0,
      legalCapacity: 'wilsonbekwaam', admission: { status: 'Geen bereidheid, geen bezwaar', basis: 'Wzd-artikel 21' },
    }
  }
  return undefined
}

function randomIdentity(faker: Faker, index: number): Identity {
  // Most people in elderly care are women.
  const female = faker.number.float() < 0.7
  const [prefix, familyName] = faker.helpers.arrayElement(FAMILY_NAMES)
  return {
    female,
    givenName: faker.helpers.arrayElement(female ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES),
    prefix,
    familyName,
    // 71 to 98 years old, most of them between 80 and 95.
    ageDays: faker.helpers.weightedArrayElement([
      { value: faker.number.int({ min: 71 * 366, max: 80 * 365 }), weight: 2 },
      { value: faker.number.int({ min: 80 * 366, max: 95 * 365 }), weight: 6 },
      { value: faker.number.int({ min: 95 * 366, max: 98 * 365 }), weight: 1 },
    ]),
    maritalStatus: faker.helpers.arrayElement(female ? MARITAL_STATUSES_FEMALE : MARITAL_STATUSES_MALE),
    teamIndex: index % TEAMS.length,
  }
}

function planClient(faker: Faker, today: string, index: number, teams: readonly PlannedTeam[], bsn: string): PlannedClient {
  const identity = fixedIdentity(index) ?? randomIdentity(faker, index)
  const team = teams[identity.teamIndex] ?? teams[0]
  const homeCare = team?.homeCare ?? false
  const admission = identity.admission ?? (homeCare ? HOME_CARE_ADMISSION : faker.helpers.weightedArrayElement(
    ADMISSION_BASES.map((basis) => ({ value: { status: basis.status, basis: basis.basis }, weight: basis.weight })),
  ))
  const involuntary = admission.basis === 'Rechterlijke machtiging' || admission.basis === 'Wzd-artikel 21'
  const legalCapacity: LegalCapacity = identity.legalCapacity ?? (involuntary
    ? 'wilsonbekwaam'
    : faker.helpers.weightedArrayElement([{ value: 'wilsbekwaam' as const, weight: 17 }, { value: 'onbekend' as const, weight: 1 }]))
  const bornAbroad = faker.number.float() < 0.1 ? faker.helpers.arrayElement(BORN_ABROAD) : undefined
  const town = faker.helpers.arrayElement(TOWNS)
  const gender: Gender = identity.female ? 'female' : 'male'
  const secondInitial = faker.datatype.boolean() ? `${faker.helpers.arrayElement(identity.female ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES).charAt(0)}.` : ''
  const mailName = `${asciiLower(identity.givenName)}.${asciiLower(identity.prefix + identity.familyName)}`
  const id = faker.string.uuid()
  // Admitted between 14 months and 6 years ago, so a whole year of reports falls in the care period.
  const admittedOn = addDays(today, -faker.number.int({ min: 430, max: 6 * 365 }))

  return {
    id,
    teamIndex: identity.teamIndex,
    admittedOn,
    female: identity.female,
    bsn,
    iban: generateDutchIban(faker),
    columns: {
      id,
      client_number: String(1901 + index * 7),
      gender,
      initials: `${identity.givenName.charAt(0)}.${secondInitial}`,
      given_name: identity.givenName,
      name_prefix: identity.prefix,
      family_name: identity.familyName,
      date_of_birth: addDays(today, -identity.ageDays),
      marital_status: identity.maritalStatus,
      place_of_birth: bornAbroad?.place ?? faker.helpers.arrayElement(PLACES_OF_BIRTH),
      nationality: bornAbroad?.nationality ?? 'Nederlandse',
      street: faker.helpers.arrayElement(STREETS),
      house_number: `${faker.number.int({ min: 1, max: 180 })}${faker.helpers.maybe(() => faker.helpers.arrayElement(['a', 'b', '-2', ' bis']), { probability: 0.15 }) ?? ''}`,
      postal_code: generatePostalCode(faker, town.postalRange),
      city: town.name,
      address_extra: homeCare ? '' : (faker.helpers.maybe(() => 'Post via de locatie', { probability: 0.2 }) ?? ''),
      phone: faker.helpers.weightedArrayElement([
        { value: `06-${faker.string.numeric({ length: 8, allowLeadingZeros: true })}`, weight: 3 },
        { value: `030-${faker.string.numeric({ length: 7, allowLeadingZeros: false })}`, weight: 4 },
        { value: '', weight: 1 },
      ]),
      email: faker.number.float() < 0.4 ? `${mailName}@example.net` : '',
      legal_capacity: legalCapacity,
      admission_status: admission.status,
      admission_legal_basis: admission.basis,
      general_practitioner: faker.helpers.arrayElement(GENERAL_PRACTITIONERS),
      identity_established: faker.number.float() < 0.9 || index < 3,
    },
  }
}

/** "mw. W. van Dijk" style name for texts such as the consent's given_by_name. */
export function formalName(client: PlannedClient): string {
  const prefix = client.columns.name_prefix ? `${client.columns.name_prefix} ` : ''
  return `${client.columns.initials ?? ''} ${prefix}${client.columns.family_name}`.trim()
}
