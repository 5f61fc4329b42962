import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import type { ClientLinkTable, ConsentTable } from '../../record/links/link.table.ts'
import { clientMatchesText } from '../../record/clients/client-search.ts'
import { isCalendarDate } from '../../../shared/schemas/dates.ts'

function linksWithClientAndConsent(db: Db) {
  return db
    .selectFrom('client_link')
    .innerJoin('client', 'client.id', 'client_link.client_id')
    .innerJoin('consent', 'consent.id', 'client_link.consent_id')
    .select([
      'client_link.id', 'client_link.account_id', 'client_link.client_id', 'client_link.relation', 'client_link.activated_at',
      'client_link.ended_at', 'client_link.end_reason', 'client_link.may_read_reports', 'client_link.may_read_care_plan',
      'client_link.may_use_appointments', 'client_link.may_use_messages', 'client_link.may_read_profile', 'client_link.may_read_subscriptions',
      'client.client_number', 'client.gender', 'client.initials', 'client.given_name', 'client.name_prefix', 'client.family_name',
      'consent.id as consent_id', 'consent.given_by', 'consent.given_by_name', 'consent.given_on', 'consent.scope', 'consent.withdrawn_at',
    ])
    .select((eb) => eb('consent.form_pdf', 'is not', null).as('has_form'))
}

/** Every link of the account, current ones first. */
export async function findLinksOfAccount(db: Db, accountId: string) {
  return linksWithClientAndConsent(db)
    .where('client_link.account_id', '=', accountId)
    .orderBy((eb) => eb('client_link.ended_at', 'is', null), 'desc')
    .orderBy('client_link.activated_at', 'desc')
    .orderBy('client_link.id')
    .execute()
}

export async function findLinkForAdmin(db: Db, linkId: string) {
  return linksWithClientAndConsent(db).where('client_link.id', '=', linkId).executeTakeFirst()
}

export type AdminLinkRow = NonNullable<Awaited<ReturnType<typeof findLinkForAdmin>>>

export async function findLinkableAccount(db: Db, accountId: string) {
  return db.selectFrom('account').select(['id', 'kind', 'ended_at']).where('id', '=', accountId).executeTakeFirst()
}

export async function findClientCapacity(db: Db, clientId: string) {
  return db.selectFrom('client').select(['id', 'legal_capacity', 'closed_at']).where('id', '=', clientId).executeTakeFirst()
}

export async function hasActiveLink(db: Db, accountId: string, clientId: string): Promise<boolean> {
  const row = await db.selectFrom('client_link').select('id').where('account_id', '=', accountId).where('client_id', '=', clientId).where('ended_at', 'is', null).executeTakeFirst()
  return row !== undefined
}

export async function insertConsent(db: Db, consent: Insertable<ConsentTable>) {
  return db.insertInto('consent').values(consent).returning('id').executeTakeFirstOrThrow()
}

export async function insertLink(db: Db, link: Insertable<ClientLinkTable>) {
  return db.insertInto('client_link').values(link).returning('id').executeTakeFirstOrThrow()
}

export async function updateLink(db: Db, linkId: string, changes: Updateable<ClientLinkTable>): Promise<void> {
  await db.updateTable('client_link').set(changes).where('id', '=', linkId).execute()
}

export async function withdrawConsent(db: Db, consentId: string, now: Date): Promise<void> {
  // updated_at too: the ECD polls Consent?_lastUpdated for withdrawals.
  await db.updateTable('consent').set({ withdrawn_at: now, updated_at: now }).where('id', '=', consentId).where('withdrawn_at', 'is', null).execute()
}

export async function findConsentForm(db: Db, consentId: string) {
  return db.selectFrom('consent').select(['id', 'client_id', 'form_pdf']).where('id', '=', consentId).executeTakeFirst()
}

/** Clients by whole name, client number or date of birth (YYYY-MM-DD), for choosing whom to link: the caregivers' search plus the date. */
export async function searchClients(db: Db, search: string, limit: number) {
  // Only a day that exists is compared with the date of birth: 2026-02-30 would be a database error.
  const date = isCalendarDate(search) ? search : null
  return db
    .selectFrom('client')
    .select(['id', 'client_number', 'gender', 'initials', 'given_name', 'name_prefix', 'family_name', 'date_of_birth', 'legal_capacity'])
    .where((eb) =>
      eb.or([
        clientMatchesText(eb, search),
        ...(date ? [eb('client.date_of_birth', '=', date)] : []),
      ]),
    )
    .orderBy('family_name')
    .orderBy('id')
    .limit(limit)
    .execute()
}
