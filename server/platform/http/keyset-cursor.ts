import { type RawBuilder, sql } from 'kysely'
import { isSaneDateTime } from '../../../shared/schemas/dates.ts'
import { validationFailed } from '../errors.ts'

/**
 * Where a page ended: the last row's time, to the microsecond as PostgreSQL keeps it (a
 * JavaScript Date would round to milliseconds and could skip or repeat a row), and its id.
 */
export interface KeysetPosition {
  at: string
  id: string
}

const POSITION = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/

/** A timestamp column as exact UTC text, for the cursor of the page's last row. */
export function cursorTime(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
}

/** The cursor's time as a value to compare a timestamptz column with. */
export function cursorInstant(position: KeysetPosition): RawBuilder<Date> {
  return sql<Date>`${position.at}::timestamptz`
}

/** Opaque to the web app, so the page boundary can change shape without a contract change. */
export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(`${position.at}|${position.id}`, 'utf8').toString('base64url')
}

/** Throws validation_failed for a cursor this server did not make. */
export function decodeCursor(cursor: string): KeysetPosition {
  const match = POSITION.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  // The shape alone lets month 13 or hour 25 through, which PostgreSQL would refuse with an error.
  if (!match?.[1] || !match[2] || !isSaneDateTime(match[1])) throw validationFailed('cursor')
  return { at: match[1], id: match[2] }
}
