import type { Db } from '../../platform/db/database.ts'
import { activeAt, validOnDay } from '../../platform/db/valid-on-day.ts'

export async function findClientProfileRow(db: Db, clientId: string) {
  return db
    .selectFrom('client')
    .select([
      'gender', 'initials', 'given_name', 'name_prefix', 'family_name', 'partner_prefix', 'partner_name', 'name_usage', 'date_of_birth', 'marital_status', 'place_of_birth',
      'nationality', 'bsn_encrypted', 'street', 'house_number', 'postal_code', 'city', 'address_extra', 'phone', 'mobile_phone', 'email',
      'client_number', 'legal_capacity', 'admission_status', 'admission_legal_basis', 'general_practitioner',
      'identity_established', 'bank_account_encrypted',
    ])
    .where('id', '=', clientId)
    .executeTakeFirstOrThrow()
}

export type ClientProfileRow = Awaited<ReturnType<typeof findClientProfileRow>>

export async function findEncryptedBsn(db: Db, clientId: string) {
  const row = await db.selectFrom('client').select('bsn_encrypted').where('id', '=', clientId).executeTakeFirstOrThrow()
  return row.bsn_encrypted
}

/** The names of the client's legal representatives with a portal link active at `now`. */
export async function findLegalRepresentativeNames(db: Db, clientId: string, now: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('client_link')
    .innerJoin('account', 'account.id', 'client_link.account_id')
    .innerJoin('consent', 'consent.id', 'client_link.consent_id')
    .select('account.display_name')
    .where('client_link.client_id', '=', clientId)
    .where('client_link.relation', '=', 'legal_representative')
    .where((eb) => activeAt(eb, { from: 'client_link.activated_at', ended: 'client_link.ended_at' }, now))
    .where((eb) => eb.or([eb('consent.withdrawn_at', 'is', null), eb('consent.withdrawn_at', '>', now)]))
    .orderBy('account.display_name')
    .execute()
  return [...new Set(rows.map((row) => row.display_name))]
}

/** Care-team assignments of the client valid on `isoDate`, with their team or staff member. */
export async function findAssignmentsValidOn(db: Db, clientId: string, isoDate: string) {
  return db
    .selectFrom('care_assignment')
    .leftJoin('team', 'team.id', 'care_assignment.team_id')
    .leftJoin('staff_member', 'staff_member.id', 'care_assignment.staff_member_id')
    .select([
      'care_assignment.role', 'care_assignment.discipline', 'team.name as team_name', 'team.location as team_location',
      'staff_member.name as staff_name', 'staff_member.discipline as staff_discipline',
    ])
    .where('care_assignment.client_id', '=', clientId)
    .where((eb) => validOnDay(eb, { from: 'care_assignment.valid_from', until: 'care_assignment.valid_until' }, isoDate))
    .orderBy('care_assignment.role')
    .orderBy('staff_member.name')
    .orderBy('team.name')
    .execute()
}

export type AssignmentRow = Awaited<ReturnType<typeof findAssignmentsValidOn>>[number]
