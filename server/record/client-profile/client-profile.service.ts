import type { CareTeamToday, ClientProfile, RevealedBsn } from '../../../shared/schemas/client-profile.ts'
import { ageOn, amsterdamDate } from '../../platform/amsterdam-time.ts'
import type { FieldCipher } from '../../platform/crypto/field-encryption.ts'
import { notFound } from '../../platform/errors.ts'
import type { RequestContext } from '../../platform/http/request-context.ts'
import { formalClientName } from '../client-access/client-name.ts'
import {
  type AssignmentRow, type ClientProfileRow, findAssignmentsValidOn, findClientProfileRow, findEncryptedBsn, findLegalRepresentativeNames,
} from './client-profile.repository.ts'
import { type RecordAccess, type RecordPolicy, throughRecord } from '../client-access/record-door.ts'
import { asCaregiver } from '../client-access/caregiver-access.policy.ts'
import { throughLink } from '../client-access/client-access.policy.ts'

/** The portal's door (a link with the profile permission) and the workspace's (a caregiver of the client). */
export const profileDoors: Record<'portal' | 'workspace', RecordPolicy<RecordAccess>> = { portal: throughLink('profile'), workspace: asCaregiver }

/** "Volledig profiel"; the BSN and bank account masked, decrypted only to take their last characters. */
export async function getClientProfile(context: RequestContext, door: RecordPolicy<RecordAccess>, cipher: FieldCipher, clientId: string): Promise<ClientProfile> {
  const { now } = context
  return throughRecord(context, door, clientId, { action: 'read', dataKind: 'profile' }, async (trx, access) => {
    const row = await findClientProfileRow(trx, access.clientId)
    const representatives = await findLegalRepresentativeNames(trx, access.clientId, now)
    return clientRowToProfile(row, representatives, cipher, amsterdamDate(now))
  })
}

export function clientRowToProfile(row: ClientProfileRow, legalRepresentatives: string[], cipher: FieldCipher, today: string): ClientProfile {
  const bsn = row.bsn_encrypted ? cipher.decrypt(row.bsn_encrypted) : null
  const iban = row.bank_account_encrypted ? cipher.decrypt(row.bank_account_encrypted).replace(/\s/g, '') : null
  return {
    name: formalClientName(row),
    dateOfBirth: row.date_of_birth,
    age: ageOn(row.date_of_birth, today),
    maritalStatus: row.marital_status,
    placeOfBirth: row.place_of_birth,
    nationality: row.nationality,
    bsnMasked: bsn ? `*****${bsn.slice(-4)}` : null,
    address: { street: row.street, houseNumber: row.house_number, postalCode: row.postal_code, city: row.city, extra: row.address_extra },
    // The profile shows one phone: the ECD keeps a mobile number apart (client.mobile_phone).
    phone: row.phone || row.mobile_phone,
    email: row.email,
    clientNumber: row.client_number,
    legalCapacity: row.legal_capacity,
    legalRepresentatives,
    admissionStatus: row.admission_status,
    admissionLegalBasis: row.admission_legal_basis,
    generalPractitioner: row.general_practitioner,
    identityEstablished: row.identity_established,
    bankAccountMasked: iban ? `${iban.slice(0, 2)}${'*'.repeat(Math.max(iban.length - 6, 0))}${iban.slice(-4)}` : null,
  }
}

/** The whole BSN, asked for on purpose: its own access-log row (data kind 'bsn'). */
export async function revealBsn(context: RequestContext, door: RecordPolicy<RecordAccess>, cipher: FieldCipher, clientId: string): Promise<RevealedBsn> {
  return throughRecord(context, door, clientId, { action: 'read', dataKind: 'bsn' }, async (trx, access) => {
    const encrypted = await findEncryptedBsn(trx, access.clientId)
    // No BSN on record: the same 404 as anything else not there.
    if (!encrypted) throw notFound('bsn')
    return { bsn: cipher.decrypt(encrypted) }
  })
}

/** "Wie heeft er vandaag toegang tot mijn dossier?" on today's Dutch calendar day. */
export async function getCareTeamToday(context: RequestContext, clientId: string): Promise<CareTeamToday> {
  const today = amsterdamDate(context.now)
  return throughRecord(context, throughLink('profile'), clientId, { action: 'read', dataKind: 'care_team' }, async (trx, access) =>
    assignmentsToCareTeam(await findAssignmentsValidOn(trx, access.clientId, today), today),
  )
}

export function assignmentsToCareTeam(rows: AssignmentRow[], today: string): CareTeamToday {
  const teams = new Map<string, { name: string; location: string }>()
  const disciplines = new Set<string>()
  const responsible: CareTeamToday['responsible'] = []
  const practitioners: CareTeamToday['practitioners'] = []
  for (const row of rows) {
    if (row.team_name !== null) teams.set(row.team_name, { name: row.team_name, location: row.team_location ?? '' })
    const discipline = row.discipline || row.staff_discipline || ''
    if (discipline) disciplines.add(discipline)
    if (row.staff_name === null) continue
    if (row.role === 'evv' || row.role === 'responsible') responsible.push({ name: row.staff_name, discipline, role: row.role })
    else if (row.role === 'practitioner') practitioners.push({ name: row.staff_name, discipline })
  }
  // The EVV-er first: the person to ask about the portal.
  responsible.sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name, 'nl') : a.role === 'evv' ? -1 : 1))
  return { date: today, teams: [...teams.values()], disciplines: [...disciplines].sort((a, b) => a.localeCompare(b, 'nl')), responsible, practitioners }
}
