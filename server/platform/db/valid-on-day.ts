import { type ExpressionBuilder, type RawBuilder, sql, type SqlBool, type StringReference } from 'kysely'

/**
 * The only "valid on day" filter: rows whose period of dates holds `day` (YYYY-MM-DD), both ends
 * inclusive, an end that is null open. Care assignments, practitioner roles and services all
 * keep their validity this way; writing the four comparisons by hand each time let them drift
 * (`<` for `<=`, a forgotten null). Column names are checked against the query's tables.
 */
export function validOnDay<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  columns: { from: StringReference<DB, TB>; until: StringReference<DB, TB> },
  day: string,
): RawBuilder<SqlBool> {
  const from = eb.ref(columns.from)
  const until = eb.ref(columns.until)
  return sql<SqlBool>`((${from} is null or ${from} <= ${day}::date) and (${until} is null or ${until} >= ${day}::date))`
}

/**
 * The only "active at" filter: rows that have started by `now` and were not ended, such as a
 * client link (activated_at, ended_at). The end is tested as `is null` on purpose: the partial
 * indexes `… where ended_at is null` serve exactly that condition, and an end is only ever set
 * to the moment of ending, never ahead.
 */
export function activeAt<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  columns: { from: StringReference<DB, TB>; ended: StringReference<DB, TB> },
  now: Date,
): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${eb.ref(columns.ended)} is null and ${eb.ref(columns.from)} <= ${now})`
}
