import { type RawBuilder, sql } from 'kysely'
import { isUuid } from '../../../shared/schemas/common.ts'
import type { LastUpdated } from './fhir-resource-type.ts'

/**
 * `_lastUpdated` as SQL on a row's updated_at column: all comparisons must hold (gt and lt
 * make a period). The operator comes from a fixed list, never from the request's text. A
 * page cursor compares (updated_at, id) with the table's `id` beside `column`, so rows of one
 * instant (a whole transaction Bundle) are neither skipped nor repeated across pages.
 */
export function lastUpdatedCondition(column: string, filters: LastUpdated[]): RawBuilder<boolean> {
  if (filters.length === 0) return sql<boolean>`true`
  const idColumn = column.includes('.') ? column.replace(/\.[^.]+$/, '.id') : 'id'
  return sql<boolean>`${sql.join(
    filters.map((f) =>
      f.afterId === undefined ? sql`${sql.ref(column)} ${sql.raw(f.op)} ${f.at}` : sql`(${sql.ref(column)}, ${sql.ref(idColumn)}) > (${f.at}, ${f.afterId})`),
    sql` and `,
  )}`
}

/** Whether an id can be a row's uuid: others are simply not found (PostgreSQL would refuse the cast). */
export function isRowId(id: string): boolean {
  return isUuid(id)
}
