import type { Insertable, Kysely } from 'kysely'
import type { Database } from '../platform/db/schema.ts'

/** Rows per INSERT: well below PostgreSQL's 65,535 bind parameters for our widest table. */
export const INSERT_CHUNK_SIZE = 1000

/**
 * Inserts many rows with multi-row INSERT statements of at most `chunkSize` rows: one
 * round trip per chunk instead of per row, which is what makes the demo seed fast.
 */
export async function insertInChunks<TableName extends keyof Database & string>(
  db: Kysely<Database>,
  table: TableName,
  rows: readonly Insertable<Database[TableName]>[],
  chunkSize = INSERT_CHUNK_SIZE,
): Promise<void> {
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize)
    // Kysely cannot narrow `values` for a generic table name; the parameter type above keeps callers exact.
    await db.insertInto(table).values(chunk as never).execute()
  }
}
