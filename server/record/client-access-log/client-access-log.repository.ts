import { sql } from 'kysely'
import type { Db } from '../../platform/db/database.ts'

const DAY = sql<string>`to_char(access_log.occurred_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD')`

export interface AccessLogFilter {
  clientId: string
  from: Date | null
  /** Exclusive: the start of the day after the period, or of the cursor's day. */
  until: Date | null
  limit: number | null
  /**
   * Also answer, in every row, whether the client has a successful access in this earlier period:
   * the page's "is there an older page" question, in the same statement (request-path.md).
   */
  olderIn?: { from: Date | null; until: Date }
}

/**
 * The client's successful accesses merged per Dutch day, actor, data kind and action, newest
 * day first. Served by access_log_client_success_idx; the period bounds what is grouped.
 */
export async function findMergedAccessLines(db: Db, filter: AccessLogFilter) {
  const { olderIn } = filter
  let query = db
    .selectFrom('access_log')
    .select([
      DAY.as('day'), 'actor_type', 'actor_id', 'actor_role', 'actor_name', 'data_kind', 'action', 'auth_method', 'assurance',
      (eb) => eb.fn.min('occurred_at').as('first_at'),
      (eb) => eb.fn.max('occurred_at').as('last_at'),
      (eb) => eb.fn.countAll<string>().as('count'),
      // Uncorrelated: PostgreSQL answers it once for the whole statement.
      (eb) => (olderIn ? eb.exists(newestAccessQuery(db, filter.clientId, olderIn.from, olderIn.until)) : eb.lit(false)).as('older'),
    ])
    .where('client_id', '=', filter.clientId)
    .where('outcome', '=', 'success')
    .where('action', 'in', ['read', 'create', 'update', 'delete', 'export'])
  if (filter.from) query = query.where('occurred_at', '>=', filter.from)
  if (filter.until) query = query.where('occurred_at', '<', filter.until)
  query = query
    .groupBy([DAY, 'actor_type', 'actor_id', 'actor_role', 'actor_name', 'data_kind', 'action', 'auth_method', 'assurance'])
    .orderBy('day', 'desc')
    .orderBy('last_at', 'desc')
    .orderBy('actor_name')
    .orderBy('data_kind')
    .orderBy('action')
  return (filter.limit === null ? query : query.limit(filter.limit)).execute()
}

/** The moment of the client's newest successful access inside the period (through the client index) and the organisation's name (the staff's lines name it), in one statement: what the page's first step needs. */
export async function findNewestAccessAndOrganisation(db: Db, clientId: string, from: Date | null, until: Date | null): Promise<{ newest: Date | null; organisation: string }> {
  const row = await db
    .selectNoFrom((eb) => [
      newestAccessQuery(db, clientId, from, until).as('newest'),
      eb.selectFrom('organisation').select('name').orderBy('id').limit(1).as('organisation'),
    ])
    .executeTakeFirstOrThrow()
  return { newest: row.newest, organisation: row.organisation ?? '' }
}

function newestAccessQuery(db: Db, clientId: string, from: Date | null, until: Date | null) {
  let query = db
    .selectFrom('access_log')
    .select('occurred_at')
    .where('client_id', '=', clientId)
    .where('outcome', '=', 'success')
    .where('action', 'in', ['read', 'create', 'update', 'delete', 'export'])
  if (from) query = query.where('occurred_at', '>=', from)
  if (until) query = query.where('occurred_at', '<', until)
  return query.orderBy('occurred_at', 'desc').limit(1)
}

export type MergedAccessRow = Awaited<ReturnType<typeof findMergedAccessLines>>[number]
