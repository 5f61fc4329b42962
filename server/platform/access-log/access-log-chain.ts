import { createHash } from 'node:crypto'

/**
 * The access log's hash chain, computed outside the database: the verify command must not
 * trust a function a database administrator could replace. This mirrors, byte for byte,
 * access_log_chain_hash() in server/platform/db/migrations/2026-12-06T20-00-00_access-log-chain.ts
 * (encoding access_log/1) and 2026-12-06T23-00-00_digid.ts (access_log/2: also the way in and
 * assurance level, for rows that have either).
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
  /** How the acting person logged in (digid, sms, totp, passkey, oidc); null for system, integration and anonymous rows. */
  authMethod: string | null
  assurance: string | null
}

/**
 * sha256(prev_hash || UTF-8 of the JSON array PostgreSQL's json_build_array writes): elements
 * separated by ", ", strings escaped as JSON.stringify escapes them (" \ \b \f \n \r \t,
 * other control characters as \u00xx; everything else as is), null as null.
 */
export function chainHash(prevHash: Buffer, row: ChainedFields): Buffer {
  // A row with neither new field hashes as before, so the chain written before them still verifies;
  // the version string is hashed too, so clearing both fields of an access_log/2 row breaks its hash.
  const extended = row.authMethod !== null || row.assurance !== null
  const values = [
    extended ? 'access_log/2' : 'access_log/1', row.seq, row.id, row.occurredMicros, row.action, row.outcome, row.actorType, row.actorId, row.actorRole, row.actorName,
    row.onBehalfLinkId, row.onBehalfOf, row.clientId, row.dataKind, row.recordId, row.sourceIp, row.userAgent, row.requestId,
    ...(extended ? [row.authMethod, row.assurance] : []),
  ]
  const message = `[${values.map((value) => JSON.stringify(value)).join(', ')}]`
  return createHash('sha256').update(prevHash).update(message, 'utf8').digest()
}
