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
