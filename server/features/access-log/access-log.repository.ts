import type { Insertable, Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { AccessLogTable } from './access-log.table.ts'

export async function insertAccessLogEntry(db: Kysely<Database>, entry: Insertable<AccessLogTable>): Promise<void> {
  await db.insertInto('access_log').values(entry).execute()
}
