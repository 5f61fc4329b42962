import { type RawBuilder, sql } from 'kysely'

/** PostgreSQL's limit of bind parameters in one statement (a 16-bit count in the wire protocol). */
export const MAX_PARAMETERS = 65_535

/** `items` in consecutive slices of at most `size`, in order: one multi-row statement per slice. */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = []
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size))
  return chunks
}

/**
 * `= any($1::<type>[])`: a list of values as one array parameter, for `where(column, '=', anyOf(...))`.
 * A look-up of a whole Bundle's thousand identifiers then binds one parameter instead of a
 * thousand (`in (...)`), which Kysely and the driver would build one by one.
 */
export function anyOf<T extends string>(values: readonly T[], type: 'text' | 'uuid'): RawBuilder<T> {
  return sql<T>`any(${[...new Set(values)]}::${sql.raw(type)}[])`
}
