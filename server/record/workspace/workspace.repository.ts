import { sql } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import { clientMatchesText } from '../clients/client-search.ts'
import { caseloadClientIds } from '../client-access/caregiver-access.repository.ts'

export interface CaseloadSearch {
  staffMemberId: string
  today: string
  /** As typed; matched against the whole name and the start of the client number (clientMatchesText). */
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
    query = query.where((eb) => clientMatchesText(eb, text))
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
