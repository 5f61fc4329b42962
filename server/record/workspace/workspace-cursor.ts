import { type RawBuilder, sql } from 'kysely'
import { isSaneDateTime } from '../../../shared/schemas/dates.ts'
import { validationFailed } from '../../platform/errors.ts'

/**
 * Keyset positions of the workspace's newest-first lists: the last row's time as exact UTC text
 * (microseconds kept: a JavaScript Date would round and could skip or repeat a row) and its id.
 * Kept here, not shared, so the workspace does not move when the portal's cursors change shape.
 */
export interface Position {
  at: string
  id: string
}

const POSITION = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/

/** A timestamp column as exact UTC text, for the cursor of a page's last row. */
export function exactTime(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
}

/** The position's time as a value to compare a timestamptz column with. */
export function positionTime(position: Position): RawBuilder<Date> {
  return sql<Date>`${position.at}::timestamptz`
}

export function positionId(position: Position): RawBuilder<string> {
  return sql<string>`${position.id}::uuid`
}

export function encodePosition(position: Position): string {
  return Buffer.from(`${position.at}|${position.id}`, 'utf8').toString('base64url')
}

/** Throws validation_failed for a cursor this server did not make. */
export function decodePosition(cursor: string): Position {
  const match = POSITION.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  // The shape alone lets month 13 or hour 25 through, which PostgreSQL would refuse with an error.
  if (!match?.[1] || !match[2] || !isSaneDateTime(match[1])) throw validationFailed('cursor')
  return { at: match[1], id: match[2] }
}
