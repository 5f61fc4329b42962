import { createHash, randomBytes } from 'node:crypto'
import type { Request } from 'autocannon'

/** What the bench's set-up needs of a database: node-postgres' Client and PGlite both have it. */
export interface BenchQuerier {
  query: <R>(text: string, params?: unknown[]) => Promise<{ rows: R[] }>
}

/** Links the bench account to a client as the client themself (once), with a consent to point at. */
export async function linkAsSelf(db: BenchQuerier, accountId: string, clientId: string): Promise<void> {
  const consent = await db.query<{ id: string }>(
    `insert into consent (client_id, given_by, given_by_name, given_on, scope) values ($1, 'client', 'Bench', '2000-01-01', 'bench') returning id`,
    [clientId],
  )
  await db.query(
    `insert into client_link (account_id, client_id, consent_id, relation, activated_at)
     select $1, $2, $3, 'self', '2000-01-01' where not exists
       (select 1 from client_link where account_id = $1 and client_id = $2 and ended_at is null)`,
    [accountId, clientId, consent.rows[0]?.id],
  )
}

/**
 * The current terms accepted and a two-hour session made directly in the database; returns the
 * cookie the bench's requests send. The way in is an authenticator app, which every login policy
 * accepts, so the record is readable under any.
 */
export async function openBenchSession(db: BenchQuerier, accountId: string): Promise<string> {
  await db.query(`insert into terms_acceptance (account_id, terms_version_id) select $1, id from terms_version on conflict do nothing`, [accountId])
  const token = randomBytes(32).toString('base64url')
  await db.query(
    `insert into session (token_hash, account_id, expires_at, csrf_token, authenticated_at, second_factor)
     values ($1, $2, now() + interval '2 hours', $3, now(), 'totp')`,
    [createHash('sha256').update(token).digest(), accountId, randomBytes(16).toString('hex')],
  )
  return `__Host-portal_session=${token}`
}

/**
 * An autocannon request list that logs in again and again: each login from another account
 * (`<prefix>1` … `<prefix><accounts>`) and another address. The bench is the load balancer
 * (TRUST_PROXY=127.0.0.1), so X-Forwarded-For keeps address rate limits from hiding the cost.
 */
export function loginRequests(loginNamePrefix: string, accounts: number, password: string): Request[] {
  let n = 0
  return [
    {
      method: 'POST',
      path: '/api/session',
      setupRequest: (request) => {
        n += 1
        return {
          ...request,
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
          body: JSON.stringify({ loginName: `${loginNamePrefix}${(n % accounts) + 1}`, password }),
        }
      },
    },
  ]
}
