import { createHash } from 'node:crypto'

/**
 * The access log's hash chain, computed outside the database: the verify command must not
 * trust a function a database administrator could replace. This mirrors, byte for byte,
 * access_log_chain_hash() in server/db/migrations/2026-12-06T20-00-00_access-log-chain.ts.
 */

/** The previous hash of the first row. */
export const GENESIS_HASH = Buffer.alloc(32)

/** What the hash covers: every column a person reads in the log, plus the row's id and place in the chain. */
export interface ChainedFields {
  seq: string
  id: string
  /** occurred_at as whole microseconds since 1970 (the database's own precision), as a decimal string. */
  occurredMicros: string
  action: string
  outcome: string
  actorType: string
  actorId: string | null
  actorRole: string
  actorName: string
  onBehalfLinkId: string | null
  onBehalfOf: string
  clientId: string | null
  dataKind: string
  recordId: string | null
  sourceIp: string
  userAgent: string
  requestId: string
}

const VERSION = Buffer.from('access_log/1', 'utf8')

export function chainHash(prevHash: Buffer, row: ChainedFields): Buffer {
  const hash = createHash('sha256')
  hash.update(VERSION)
  hash.update(prevHash)
  hash.update(int8(row.seq))
  hash.update(int8(row.id))
  hash.update(int8(row.occurredMicros))
  for (const value of [
    row.action, row.outcome, row.actorType, row.actorId, row.actorRole, row.actorName, row.onBehalfLinkId,
    row.onBehalfOf, row.clientId, row.dataKind, row.recordId, row.sourceIp, row.userAgent, row.requestId,
  ]) {
    hash.update(field(value))
  }
  return hash.digest()
}

/** PostgreSQL's int8send: 8 bytes, big-endian, two's complement. */
function int8(decimal: string): Buffer {
  const bytes = Buffer.alloc(8)
  bytes.writeBigInt64BE(BigInt(decimal))
  return bytes
}

/** 0x00 for null; else 0x01, the UTF-8 length in 4 bytes big-endian, and the UTF-8 bytes. */
function field(value: string | null): Buffer {
  if (value === null) return Buffer.from([0])
  const text = Buffer.from(value, 'utf8')
  const header = Buffer.alloc(5)
  header[0] = 1
  header.writeUInt32BE(text.length, 1)
  return Buffer.concat([header, text])
}
