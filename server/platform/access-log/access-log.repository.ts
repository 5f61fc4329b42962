import { type Kysely, sql } from 'kysely'
import { arrayOf } from '../db/bulk-parameters.ts'
import type { Database } from '../db/schema.ts'
import type { ChainedFields } from './access-log-chain.ts'
import type { AccessLogRow } from './access-log.table.ts'

/**
 * Rows of one request (or of a group commit's batch, or a FHIR Bundle) in one statement; they are
 * chained at commit in this order. The values travel as one array per column (`unnest`, kept in
 * order by its ordinality; bulk-parameters.ts `arrayOf`): a thousand rows bind 17 parameters
 * instead of 17,000, which Kysely and the driver would otherwise build one by one.
 */
export async function insertAccessLogEntries(db: Kysely<Database>, rows: readonly AccessLogRow[]): Promise<void> {
  if (rows.length === 0) return
  const text = (pick: (row: AccessLogRow) => string | null) => arrayOf(rows.map(pick), 'text')
  const uuid = (pick: (row: AccessLogRow) => string | null) => arrayOf(rows.map(pick), 'uuid')
  await sql`
    insert into access_log (occurred_at, action, outcome, actor_type, actor_id, actor_role, actor_name, on_behalf_link_id, on_behalf_of,
      client_id, data_kind, record_id, source_ip, user_agent, request_id, auth_method, assurance)
    select occurred_at, action, outcome, actor_type, actor_id, actor_role, actor_name, on_behalf_link_id, on_behalf_of,
      client_id, data_kind, record_id, source_ip, user_agent, request_id, auth_method, assurance
    from unnest(
      ${arrayOf(rows.map((r) => r.occurred_at), 'timestamptz')}, ${text((r) => r.action)}, ${text((r) => r.outcome)},
      ${text((r) => r.actor_type)}, ${text((r) => r.actor_id)}, ${text((r) => r.actor_role)},
      ${text((r) => r.actor_name)}, ${uuid((r) => r.on_behalf_link_id)}, ${text((r) => r.on_behalf_of)},
      ${uuid((r) => r.client_id)}, ${text((r) => r.data_kind)}, ${text((r) => r.record_id)},
      ${text((r) => r.source_ip)}, ${text((r) => r.user_agent)}, ${text((r) => r.request_id)},
      ${text((r) => r.auth_method)}, ${text((r) => r.assurance)}
    ) with ordinality as v(occurred_at, action, outcome, actor_type, actor_id, actor_role, actor_name, on_behalf_link_id, on_behalf_of,
      client_id, data_kind, record_id, source_ip, user_agent, request_id, auth_method, assurance, position)
    order by position`.execute(db)
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
