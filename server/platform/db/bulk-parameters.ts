import { type RawBuilder, sql } from 'kysely'

/**
 * `= any($1::<type>[])`: a list of values as one array parameter, for `where(column, '=', anyOf(...))`.
 * A look-up of a whole Bundle's thousand identifiers then binds one parameter instead of a
 * thousand (`in (...)`), which Kysely and the driver would build one by one.
 */
export function anyOf<T extends string>(values: readonly T[], type: 'text' | 'uuid'): RawBuilder<T> {
  return sql<T>`any(${[...new Set(values)]}::${sql.raw(type)}[])`
}
