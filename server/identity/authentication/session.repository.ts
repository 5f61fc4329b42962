import { type Insertable, sql } from 'kysely'
import { jsonObjectFrom } from 'kysely/helpers/postgres'
import type { Db } from '../../platform/db/database.ts'
import { reusableQuery } from '../../platform/db/reusable-query.ts'
import { amsterdamDate } from '../../platform/amsterdam-time.ts'
import { activeLinkFromJson, activeLinkOfSessionQuery } from '../../record/client-access/client-access.repository.ts'
import type { SessionTable } from '../accounts/account.table.ts'

export async function insertSession(db: Db, session: Insertable<SessionTable>): Promise<void> {
  await db.insertInto('session').values(session).execute()
}

/**
 * The session with its account, if it has not been ended, and in the same statement what every
 * request behind it needs besides (docs/decisions/request-path.md): the organisation's session
 * and login-policy settings (null before set-up) and whether the account owes the terms of use
 * in force at `now`. The caller checks the timeouts. With `linkTo` (a client's id, lower case),
 * also the account's active link to that client at `now` (null: none; client-access.policy.ts).
 */
export async function findSessionWithAccount(db: Db, tokenHash: Buffer, now: Date, linkTo?: string) {
  const link = linkTo === undefined ? undefined : { clientId: linkTo, now, today: amsterdamDate(now) }
  const [row] = await sessionWithAccount(db, { tokenHash, now, link })
  if (row === undefined) return undefined
  const { link: linkJson, ...session } = row
  return { ...session, link: linkJson === undefined ? undefined : linkJson && activeLinkFromJson(linkJson) }
}

/** Every request behind a session sends this statement: built once per shape (reusable-query.ts). */
const sessionWithAccount = reusableQuery('session with account', (db, { tokenHash, now, link }: { tokenHash: Buffer; now: Date; link?: { clientId: string; now: Date; today: string } }) =>
  db
    .selectFrom('session')
    .innerJoin('account', 'account.id', 'session.account_id')
    .leftJoinLateral(
      (eb) => eb.selectFrom('organisation').select(['organisation.session_idle_minutes', 'organisation.login_policy']).orderBy('organisation.id').limit(1).as('settings'),
      (join) => join.onTrue(),
    )
    .select([
      'session.token_hash',
      'session.account_id',
      'session.created_at',
      'session.last_seen_at',
      'session.expires_at',
      'session.csrf_token',
      'session.authenticated_at',
      'session.second_factor',
      'session.assurance',
      'account.kind',
      'account.login_name',
      'account.display_name',
      'account.password_is_temporary',
      'account.blocked_at',
      'account.ended_at',
      'settings.session_idle_minutes',
      'settings.login_policy',
      // The newest version published by now, unless this account accepted it (terms.service.ts: mustAcceptTerms).
      sql<boolean>`exists (
        select 1 from (select id from terms_version where published_at <= ${now} order by version desc limit 1) as current_terms
        where not exists (select 1 from terms_acceptance where terms_acceptance.account_id = session.account_id and terms_acceptance.terms_version_id = current_terms.id)
      )`.as('terms_owed'),
    ])
    // On a client's record pages, the account's link to that client too (client-access.policy.ts).
    .$if(link !== undefined, (qb) => qb.select(jsonObjectFrom(activeLinkOfSessionQuery(db, link!)).as('link')))
    .where('session.token_hash', '=', tokenHash)
    .where('session.ended_at', 'is', null),
)

export async function touchSession(db: Db, tokenHash: Buffer, now: Date): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute()
}

export async function endSessionByHash(db: Db, tokenHash: Buffer, now: Date): Promise<void> {
  await db.updateTable('session').set({ ended_at: now }).where('token_hash', '=', tokenHash).where('ended_at', 'is', null).execute()
}

/** Ends every open session of the account, except `keep` when given. */
export async function endAccountSessions(db: Db, accountId: string, now: Date, keep?: Buffer): Promise<void> {
  let query = db.updateTable('session').set({ ended_at: now }).where('account_id', '=', accountId).where('ended_at', 'is', null)
  if (keep) query = query.where('token_hash', '!=', keep)
  await query.execute()
}
