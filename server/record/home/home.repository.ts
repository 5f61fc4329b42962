import type { Db } from '../../platform/db/database.ts'

/** What the profile card needs: the name parts and the date of birth, nothing more. */
export async function findProfileSummary(db: Db, clientId: string) {
  return db
    .selectFrom('client')
    .select(['gender', 'initials', 'given_name', 'name_prefix', 'family_name', 'date_of_birth'])
    .where('id', '=', clientId)
    .executeTakeFirstOrThrow()
}
