import type { Db } from '../../platform/db/database.ts'

/** The client's profile columns for the copy (BSN and bank account still encrypted). */
export async function findClientForCopy(db: Db, clientId: string) {
  return db
    .selectFrom('client')
    .select([
      'gender', 'initials', 'given_name', 'name_prefix', 'family_name', 'client_number', 'date_of_birth', 'marital_status',
      'place_of_birth', 'nationality', 'bsn_encrypted', 'street', 'house_number', 'postal_code', 'city', 'address_extra',
      'phone', 'email', 'legal_capacity', 'admission_status', 'admission_legal_basis', 'general_practitioner',
      'identity_established', 'bank_account_encrypted',
    ])
    .where('id', '=', clientId)
    .executeTakeFirstOrThrow()
}

export type ClientCopyRow = Awaited<ReturnType<typeof findClientForCopy>>

/** The client's access log, newest first, capped: the copy is a document, not an archive export. */
export async function findAccessLogOfClient(db: Db, clientId: string, limit: number) {
  return db
    .selectFrom('access_log')
    .select(['occurred_at', 'action', 'outcome', 'actor_type', 'actor_role', 'actor_name', 'data_kind'])
    .where('client_id', '=', clientId)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

export async function findOrganisationName(db: Db): Promise<string> {
  const row = await db.selectFrom('organisation').select('name').executeTakeFirst()
  return row?.name ?? ''
}
