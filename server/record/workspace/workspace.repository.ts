import { type Kysely, sql } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import type { Database } from '../../platform/db/schema.ts'

/**
 * The ids of the clients a staff member may see on `today` (a Dutch calendar day): a team
 * assignment of one of their teams, or an assignment of their own (EVV-er, responsible,
 * practitioner), valid that day. Read fresh on every request, like the portal's links.
 */
export function caseloadClientIds(db: Kysely<Database>, staffMemberId: string, today: string) {
  return db
    .selectFrom('care_assignment')
    .select('care_assignment.client_id')
    .where('care_assignment.valid_from', '<=', today)
    .where((eb) => eb.or([eb('care_assignment.valid_until', 'is', null), eb('care_assignment.valid_until', '>=', today)]))
    .where((eb) => eb.or([
      eb('care_assignment.staff_member_id', '=', staffMemberId),
      eb.and([
        eb('care_assignment.role', '=', 'team'),
        eb('care_assignment.team_id', 'in', eb.selectFrom('team_membership').select('team_membership.team_id').where('team_membership.staff_member_id', '=', staffMemberId)),
      ]),
    ]))
}

/**
 * Why the staff member may see this client today: the names of their teams assigned to the
 * client and their own roles in its care team. Empty: no access.
 */
export async function findCaregiverBasis(db: Db, staffMemberId: string, clientId: string, today: string) {
  return db
    .selectFrom('care_assignment')
    .leftJoin('team', 'team.id', 'care_assignment.team_id')
    .select(['care_assignment.role', 'team.name as team_name', 'care_assignment.team_id'])
    .where('care_assignment.client_id', '=', clientId)
    .where('care_assignment.valid_from', '<=', today)
    .where((eb) => eb.or([eb('care_assignment.valid_until', 'is', null), eb('care_assignment.valid_until', '>=', today)]))
    .where((eb) => eb.or([
      eb('care_assignment.staff_member_id', '=', staffMemberId),
      eb.and([
        eb('care_assignment.role', '=', 'team'),
        eb('care_assignment.team_id', 'in', eb.selectFrom('team_membership').select('team_membership.team_id').where('team_membership.staff_member_id', '=', staffMemberId)),
      ]),
    ]))
    .orderBy('care_assignment.role')
    .orderBy('team.name')
    .execute()
}

export interface CaseloadSearch {
  staffMemberId: string
  today: string
  /** Already escaped for LIKE; matched against the name and the client number. */
  text: string | null
  dateOfBirth: string | null
  after: { familyName: string; id: string } | null
  limit: number
}

/** A page of the staff member's clients, by family name, keyset on (family_name, id). */
export async function searchCaseload(db: Db, search: CaseloadSearch) {
  let query = db
    .selectFrom('client')
    .select(['client.id', 'client.gender', 'client.initials', 'client.given_name', 'client.name_prefix', 'client.family_name', 'client.client_number', 'client.date_of_birth'])
    .where('client.id', 'in', caseloadClientIds(db, search.staffMemberId, search.today))
  const text = search.text
  if (text !== null) {
    query = query.where((eb) => eb.or([
      eb(sql<string>`client.given_name || ' ' || client.name_prefix || ' ' || client.family_name`, 'ilike', `%${text}%`),
      eb(sql<string>`client.initials || ' ' || client.name_prefix || ' ' || client.family_name`, 'ilike', `%${text}%`),
      eb('client.client_number', 'ilike', `${text}%`),
    ]))
  }
  if (search.dateOfBirth !== null) query = query.where('client.date_of_birth', '=', search.dateOfBirth)
  const after = search.after
  if (after) query = query.where((eb) => eb(eb.refTuple('client.family_name', 'client.id'), '>', eb.tuple(after.familyName, sql<string>`${after.id}::uuid`)))
  return query.orderBy('client.family_name').orderBy('client.id').limit(search.limit).execute()
}

export type CaseloadRow = Awaited<ReturnType<typeof searchCaseload>>[number]

/** The staff member's clients that have a conversation, with the time of its latest message. */
export async function findCaseloadConversations(db: Db, staffMemberId: string, today: string) {
  return db
    .selectFrom('message')
    .innerJoin('client', 'client.id', 'message.client_id')
    .select((eb) => [
      'client.id', 'client.gender', 'client.initials', 'client.given_name', 'client.name_prefix', 'client.family_name', 'client.client_number',
      eb.fn.max('message.created_at').as('last_message_at'),
    ])
    .where('message.client_id', 'in', caseloadClientIds(db, staffMemberId, today))
    .groupBy(['client.id'])
    .orderBy('last_message_at', 'desc')
    .execute()
}

/** One client's name, number and date of birth, for the heading of their record (the policy has already let the caller in). */
export async function findClientHeading(db: Db, clientId: string) {
  return db
    .selectFrom('client')
    .select(['client.id', 'client.gender', 'client.initials', 'client.given_name', 'client.name_prefix', 'client.family_name', 'client.client_number', 'client.date_of_birth'])
    .where('client.id', '=', clientId)
    .executeTakeFirstOrThrow()
}
