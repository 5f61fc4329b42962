import { type ExpressionBuilder, type RawBuilder, sql, type SqlBool, type StringReference } from 'kysely'
import { isUuid } from '../../../shared/schemas/common.ts'
import { isSaneDateTime } from '../../../shared/schemas/dates.ts'
import { validationFailed } from '../errors.ts'

/**
 * The only keyset cursor of the server (portal, workspace, reports, access-log search and
 * FHIR's `_cursor`): where a page ended, sent to the client as opaque base64url text so the
 * page boundary can change shape without a contract change. Every part is checked on the way
 * back in, so a cursor this server did not make never reaches a query: it answers
 * 400 validation_failed (FHIR wraps that in its OperationOutcome).
 */
export interface CursorCodec<Part extends string> {
  encode(position: Record<Part, string>): string
  /** Throws validation_failed for a cursor this server did not make. */
  decode(cursor: string): Record<Part, string>
}

/** Longer than any cursor this server makes: not worth decoding. */
const MAX_CURSOR_LENGTH = 400

/**
 * A codec for positions of these parts, in this order, each checked by its function on the way
 * back in. The parts travel as a JSON array, so a part may be any text (a family name with `|`
 * or quotes in it); the check decides what is acceptable.
 */
export function keysetCursor<Part extends string>(parts: Record<Part, (text: string) => boolean>): CursorCodec<Part> {
  const names = Object.keys(parts) as Part[]
  const encode = (position: Record<Part, string>) => Buffer.from(JSON.stringify(names.map((name) => position[name])), 'utf8').toString('base64url')
  return {
    encode,
    decode(cursor) {
      if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw validationFailed('cursor')
      const values = parseJson(Buffer.from(cursor, 'base64url').toString('utf8'))
      if (!Array.isArray(values) || values.length !== names.length) throw validationFailed('cursor')
      const position = {} as Record<Part, string>
      names.forEach((name, index) => {
        const value: unknown = values[index]
        if (typeof value !== 'string' || !parts[name](value)) throw validationFailed('cursor')
        position[name] = value
      })
      // One spelling only: base64 can end in unused bits, JSON can escape or space differently.
      if (encode(position) !== cursor) throw validationFailed('cursor')
      return position
    },
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

const EXACT_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/

/**
 * A UTC instant as `cursorTime` writes it (microseconds) or as JavaScript does (milliseconds,
 * FHIR's lastUpdated). The shape alone lets month 13 or hour 25 through, which PostgreSQL would
 * refuse with an error.
 */
export function isExactInstant(text: string): boolean {
  return EXACT_INSTANT.test(text) && isSaneDateTime(text)
}

/** A row number of an identity column (bigint): digits, no leading zero, at most 2^63 − 1. */
export function isRowNumber(text: string): boolean {
  return /^[1-9][0-9]{0,18}$/.test(text) && BigInt(text) <= 9223372036854775807n
}

/**
 * Where a page ended: the last row's time, to the microsecond as PostgreSQL keeps it (a
 * JavaScript Date would round to milliseconds and could skip or repeat a row), and its id.
 */
export interface KeysetPosition {
  at: string
  id: string
}

const positionCursor = keysetCursor({ at: isExactInstant, id: isUuid })

/** A position as the opaque cursor of the next page. */
export function encodeCursor(position: KeysetPosition): string {
  return positionCursor.encode(position)
}

/** Throws validation_failed for a cursor this server did not make. */
export function decodeCursor(cursor: string): KeysetPosition {
  return positionCursor.decode(cursor)
}

/** A timestamp column as exact UTC text, for the cursor of the page's last row. */
export function cursorTime(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
}

/** The cursor's time as a value to compare a timestamptz column with. */
export function cursorInstant(position: KeysetPosition): RawBuilder<Date> {
  return sql<Date>`${position.at}::timestamptz`
}

/** The cursor's id as a value to compare a uuid column with. */
export function cursorId(position: KeysetPosition): RawBuilder<string> {
  return sql<string>`${position.id}::uuid`
}

/**
 * Rows beyond the position in the list's order, (time, id) compared as a pair so rows of one
 * instant are neither skipped nor repeated: `'<'` for a newest-first list, `'>'` for oldest-first.
 */
export function beyondCursor<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  columns: { at: StringReference<DB, TB>; id: StringReference<DB, TB> },
  direction: '<' | '>',
  position: KeysetPosition,
): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${eb.ref(columns.at)}, ${eb.ref(columns.id)}) ${sql.raw(direction)} (${cursorInstant(position)}, ${cursorId(position)})`
}
