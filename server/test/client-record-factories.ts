import type { Insertable } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import type { FieldCipher } from '../platform/crypto/field-encryption.ts'
import type { CareAssignmentTable, StaffMemberTable, TeamTable } from '../record/care-team/care-team.table.ts'
import type { ClientTable } from '../record/clients/client.table.ts'
import type { ClientLinkTable, ConsentTable } from '../record/links/link.table.ts'
import type { ReportTable } from '../record/reports/report.table.ts'
import type { SubscriptionTable } from '../record/subscriptions/subscription.table.ts'

/** Test data of the client record; override only what the test is about. */

let clientSequence = 0

/** A client; pass `cipher` with `bsn`/`bankAccount` to store those encrypted, as the ECD import does. */
export async function createClient(
  db: Db,
  overrides: Partial<Insertable<ClientTable>> & { cipher?: FieldCipher; bsn?: string; bankAccount?: string } = {},
) {
  const { cipher, bsn, bankAccount, ...columns } = overrides
  clientSequence++
  return db
    .insertInto('client')
    .values({
      client_number: `T${String(clientSequence).padStart(6, '0')}-${Math.random().toString(36).slice(2, 8)}`,
      gender: 'female',
      initials: 'S.',
      given_name: 'Sophie',
      name_prefix: 'uit de',
      family_name: 'Jordaan',
      date_of_birth: '1940-03-15',
      bsn_encrypted: cipher && bsn ? cipher.encrypt(bsn) : null,
      bsn_lookup: cipher && bsn ? cipher.lookupHash(bsn) : null,
      bank_account_encrypted: cipher && bankAccount ? cipher.encrypt(bankAccount) : null,
      ...columns,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function createConsent(db: Db, clientId: string, overrides: Partial<Insertable<ConsentTable>> = {}) {
  return db
    .insertInto('consent')
    .values({ client_id: clientId, given_by: 'client', given_by_name: 'S. uit de Jordaan', given_on: '2026-01-05', scope: 'Inzage via het cliëntportaal', ...overrides })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** An active link (with its own consent unless `consent_id` is given), all sections allowed. */
export async function createLink(db: Db, accountId: string, clientId: string, overrides: Partial<Insertable<ClientLinkTable>> = {}) {
  const consentId = overrides.consent_id ?? (await createConsent(db, clientId)).id
  return db
    .insertInto('client_link')
    .values({ account_id: accountId, client_id: clientId, consent_id: consentId, relation: 'self', activated_at: new Date('2026-01-01T00:00:00Z'), ...overrides })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function createTeam(db: Db, overrides: Partial<Insertable<TeamTable>> = {}) {
  return db.insertInto('team').values({ name: 'Team Noord', location: 'De Linde', ...overrides }).returningAll().executeTakeFirstOrThrow()
}

export async function createStaffMember(db: Db, overrides: Partial<Insertable<StaffMemberTable>> = {}) {
  return db.insertInto('staff_member').values({ name: 'Fatima el Amrani', discipline: 'Verzorgende IG', ...overrides }).returningAll().executeTakeFirstOrThrow()
}

export async function createCareAssignment(db: Db, clientId: string, overrides: Partial<Insertable<CareAssignmentTable>> = {}) {
  return db
    .insertInto('care_assignment')
    .values({ client_id: clientId, role: 'team', valid_from: '2026-01-01', ...overrides })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function createReport(db: Db, clientId: string, overrides: Partial<Insertable<ReportTable>> = {}) {
  return db
    .insertInto('report')
    .values({ client_id: clientId, author_role: 'Verzorgende IG', care_plan_goal: 'Mevrouw eet voldoende', body: 'Mevrouw heeft goed ontbeten.', reported_at: new Date('2026-06-01T08:00:00Z'), ...overrides })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function createSubscription(db: Db, clientId: string, overrides: Partial<Insertable<SubscriptionTable>> = {}) {
  return db
    .insertInto('subscription')
    .values({ client_id: clientId, service: 'Personenalarmering', supplier: 'Alarmcentrale Noord', starts_on: '2019-01-01', ...overrides })
    .returningAll()
    .executeTakeFirstOrThrow()
}
