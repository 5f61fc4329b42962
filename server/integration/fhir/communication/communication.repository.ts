import type { Db } from '../../../platform/db/database.ts'
import { isRowId, lastUpdatedCondition } from '../fhir-repository-helpers.ts'
import type { SearchQuery } from '../fhir-resource-type.ts'

/** Messages with their writer: the staff member, or the account and its relation to the client. */
function messages(db: Db) {
  return db
    .selectFrom('message')
    .leftJoin('account', 'account.id', 'message.author_account_id')
    .leftJoin('staff_member', 'staff_member.id', 'message.author_staff_id')
    .selectAll('message')
    .select((eb) => [
      'account.display_name as account_name', 'staff_member.name as staff_name',
      eb.selectFrom('client_link').select('client_link.relation')
        .whereRef('client_link.account_id', '=', 'message.author_account_id')
        .whereRef('client_link.client_id', '=', 'message.client_id')
        .orderBy('client_link.created_at', 'desc').limit(1).as('account_relation'),
    ])
}

export async function findMessageById(db: Db, id: string) {
  if (!isRowId(id)) return undefined
  return messages(db).where('message.id', '=', id).executeTakeFirst()
}

export async function findMessageByEcdId(db: Db, ecdId: string) {
  return messages(db).where('message.ecd_id', '=', ecdId).executeTakeFirst()
}

/** Messages by client and ECD identifier; oldest change first, for polling. */
export async function searchMessages(db: Db, filter: { ecdId?: string; query: SearchQuery }) {
  let query = messages(db).where(lastUpdatedCondition('message.updated_at', filter.query.lastUpdated))
  if (filter.ecdId !== undefined) query = query.where('message.ecd_id', '=', filter.ecdId)
  if (filter.query.patient !== undefined) query = query.where('message.client_id', '=', filter.query.patient)
  return query.orderBy('message.updated_at').orderBy('message.id').limit(filter.query.count).execute()
}
