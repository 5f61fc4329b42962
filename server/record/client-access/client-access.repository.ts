import { sql } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import { activeAt } from '../../platform/db/valid-on-day.ts'
import { amsterdamDate } from '../../platform/amsterdam-time.ts'
import { reusableQuery } from '../../platform/db/reusable-query.ts'

/**
 * The account's link to the client that is active at `now`: not ended, activated, its consent
 * not withdrawn, and the account neither blocked nor ended. Read fresh on every request, so
 * ending a link or withdrawing consent takes effect on the very next one.
 */
export async function findActiveLink(db: Db, accountId: string, clientId: string, now: Date) {
  const [link] = await activeLink(db, { accountId, clientId, now, today: amsterdamDate(now) })
  return link
}

/** Every record request sends this statement: built once (reusable-query.ts). */
const activeLink = reusableQuery('active link', (db, input: { accountId: string; clientId: string; now: Date; today: string }) =>
  activeLinks(db, input.now, input.today)
    .where('client_link.account_id', '=', input.accountId)
    .where('client_link.client_id', '=', input.clientId),
)

/**
 * The link findActiveLink finds, as a subquery of the session's own statement
 * (session.repository.ts): the account is the session's (`session.account_id` of the outer query).
 * Read with the session, a record request's door needs no statement of its own (request-path.md).
 */
export function activeLinkOfSessionQuery(db: Db, input: { clientId: string; now: Date; today: string }) {
  return activeLinks(db, input.now, input.today)
    .where('client_link.client_id', '=', input.clientId)
    .where(sql<boolean>`client_link.account_id = session.account_id`)
}

/** A link row that came as JSON (activeLinkOfSessionQuery) back to the row findActiveLink gives. */
export function activeLinkFromJson(json: Omit<ActiveLinkRow, 'activated_at'> & { activated_at: string }): ActiveLinkRow {
  // PostgreSQL's ISO text with its offset; the Date keeps milliseconds, as node-postgres's does.
  return { ...json, activated_at: new Date(json.activated_at) }
}

/** Every active link of the account, with the client's name parts, for choosing a client. */
export async function findActiveLinksOfAccount(db: Db, accountId: string, now: Date) {
  return activeLinks(db, now, amsterdamDate(now))
    .innerJoin('client', 'client.id', 'client_link.client_id')
    .select(['client.gender', 'client.initials', 'client.given_name', 'client.name_prefix', 'client.family_name'])
    .where('client_link.account_id', '=', accountId)
    .orderBy('client.family_name')
    .orderBy('client.id')
    .execute()
}

/** `today` is `now`'s day in Amsterdam. */
function activeLinks(db: Db, now: Date, today: string) {
  return db
    .selectFrom('client_link')
    .innerJoin('consent', 'consent.id', 'client_link.consent_id')
    .innerJoin('account', 'account.id', 'client_link.account_id')
    .select([
      'client_link.id', 'client_link.client_id', 'client_link.account_id', 'client_link.relation',
      'client_link.activated_at', 'client_link.may_read_reports', 'client_link.may_read_care_plan',
      'client_link.may_use_appointments', 'client_link.may_use_messages', 'client_link.may_read_profile',
      'client_link.may_read_subscriptions', 'account.display_name',
    ])
    .where((eb) => activeAt(eb, { from: 'client_link.activated_at', ended: 'client_link.ended_at' }, now))
    // The consent must be for this very client: a link pointing at another client's consent grants nothing.
    .whereRef('consent.client_id', '=', 'client_link.client_id')
    .where((eb) => eb.or([eb('consent.withdrawn_at', 'is', null), eb('consent.withdrawn_at', '>', now)]))
    .where('account.kind', '=', 'portal')
    .where('account.blocked_at', 'is', null)
    .where('account.ended_at', 'is', null)
    // A link a client granted with an end date gives no access after its last day (Dutch time),
    // whether or not the end-date job has run yet (record/access-grants).
    .where((eb) => eb.or([eb('client_link.ends_on', 'is', null), eb('client_link.ends_on', '>=', today)]))
}

export type ActiveLinkRow = NonNullable<Awaited<ReturnType<typeof findActiveLink>>>
