import { type RawBuilder, sql } from 'kysely'

/**
 * `= any($1::<type>[])`: a list of values as one array parameter, for `where(column, '=', anyOf(...))`.
 * A look-up of a whole Bundle's thousand identifiers then binds one parameter instead of a
 * thousand (`in (...)`), which Kysely and the driver would build one by one.
 */
export function anyOf<T extends string>(values: readonly T[], type: 'text' | 'uuid'): RawBuilder<T> {
  return sql<T>`any(${[...new Set(values)]}::${sql.raw(type)}[])`
}

/**
 * One column of many rows as one array parameter, `$1::<type>[]`, for `unnest(...)`: a statement
 * of a thousand rows then binds one parameter per column instead of one per value. Times travel
 * as ISO text, so both drivers (pg and PGlite's) agree.
 */
export function arrayOf(values: readonly unknown[], type: 'text' | 'uuid' | 'timestamptz' | 'boolean'): RawBuilder<unknown> {
  return sql`${values.map((value) => (value instanceof Date ? value.toISOString() : value))}::${sql.raw(type)}[]`
}
