/**
 * Access-log rows count up (bigint); FHIR ids elsewhere are uuids, and the search's page cursor
 * takes uuids only. So an AuditEvent's id is its row number written as a uuid:
 * row 42 ⇄ `00000000-0000-0000-0000-00000000002a` (48 bits: 2.8·10¹⁴ log lines).
 */
const PREFIX = '00000000-0000-0000-0000-'
const MAX = 0xffffffffffffn

export function auditEventId(rowId: string): string {
  return PREFIX + BigInt(rowId).toString(16).padStart(12, '0')
}

/** The access-log row number of an AuditEvent id, or undefined for any other id. */
export function accessLogRowId(id: string): string | undefined {
  const match = /^00000000-0000-0000-0000-([0-9a-f]{12})$/i.exec(id)
  if (!match) return undefined
  const row = BigInt(`0x${match[1]}`)
  return row > 0n && row <= MAX ? row.toString() : undefined
}
