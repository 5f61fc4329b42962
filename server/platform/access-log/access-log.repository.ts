import { type Insertable, type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { ChainedFields } from './access-log-chain.ts'
import type { AccessLogTable } from './access-log.table.ts'

/** Rows of one request in one statement; they are chained at commit in this order. */
export async function insertAccessLogEntries(db: Kysely<Database>, entries: Insertable<AccessLogTable>[]): Promise<void> {
  await db.insertInto('access_log').values(entries).execute()
}

export interface ChainedRow extends ChainedFields {
  occurredAt: Date
  prevHash: Buffer | null
  hash: Buffer | null
}

/** One page of chained rows in chain order, after `afterSeq` (keyset paging on the seq index). */
export async function readChainPage(db: Kysely<Database>, afterSeq: string, limit: number): Promise<ChainedRow[]> {
  const rows = await db
    .selectFrom('access_log')
    .select([
      sql<string>`seq::text`.as('seq'),
      sql<string>`id::text`.as('id'),
      'occurred_at',
      sql<string>`(extract(epoch from occurred_at) * 1000000)::bigint::text`.as('occurred_micros'),
      'action', 'outcome', 'actor_type', 'actor_id', 'actor_role', 'actor_name',
      sql<string | null>`on_behalf_link_id::text`.as('on_behalf_link_id'),
      'on_behalf_of',
      sql<string | null>`client_id::text`.as('client_id'),
      'data_kind', 'record_id', 'source_ip', 'user_agent', 'request_id', 'auth_method', 'assurance',
      sql<Uint8Array | null>`prev_hash`.as('prev_hash'),
      sql<Uint8Array | null>`hash`.as('hash'),
    ])
    .where(sql<boolean>`seq is not null and seq > ${afterSeq}::bigint`)
    // The table's bigint column, not the text alias of the same name: '10' sorts before '2'.
    .orderBy(sql`access_log.seq`)
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    seq: r.seq,
    id: r.id,
    occurredAt: r.occurred_at,
    occurredMicros: r.occurred_micros,
    action: r.action,
    outcome: r.outcome,
    actorType: r.actor_type,
    actorId: r.actor_id,
    actorRole: r.actor_role,
    actorName: r.actor_name,
    onBehalfLinkId: r.on_behalf_link_id,
    onBehalfOf: r.on_behalf_of,
    clientId: r.client_id,
    dataKind: r.data_kind,
    recordId: r.record_id,
    sourceIp: r.source_ip,
    userAgent: r.user_agent,
    requestId: r.request_id,
    authMethod: r.auth_method,
    assurance: r.assurance,
    prevHash: r.prev_hash === null ? null : Buffer.from(r.prev_hash),
    hash: r.hash === null ? null : Buffer.from(r.hash),
  }))
}

/**
 * A committed row outside the chain: only possible when someone inserted it with the
 * chaining trigger switched off. One scan of the table; the verify command reads it all anyway.
 */
export async function firstUnchainedRow(db: Kysely<Database>): Promise<{ id: string; occurredAt: Date } | undefined> {
  const row = await db
    .selectFrom('access_log')
    .select([sql<string>`id::text`.as('id'), 'occurred_at'])
    .where(sql<boolean>`seq is null`)
    .orderBy(sql`access_log.id`)
    .limit(1)
    .executeTakeFirst()
  return row ? { id: row.id, occurredAt: row.occurred_at } : undefined
}
