import type { Insertable } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import type { OidcPurpose, SsoLoginStateTable } from '../sso/sso.table.ts'

export async function insertLoginState(db: Db, row: Insertable<SsoLoginStateTable>): Promise<void> {
  await db.insertInto('sso_login_state').values(row).execute()
}

/** Removes states nobody came back for; called when a new one starts, so the table stays small. */
export async function deleteExpiredLoginStates(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('sso_login_state').where('expires_at', '<', now).execute()
}

/**
 * Marks the state used and returns it, in one statement: of two callbacks with the same
 * cookie (a replay, or two instances at once) only one gets it. A state started for another
 * purpose (a staff SSO cookie at the DigiD callback) is not found.
 */
export async function consumeLoginState(db: Db, idHash: Buffer, purposes: readonly OidcPurpose[], now: Date) {
  return db
    .updateTable('sso_login_state')
    .set({ used_at: now })
    .where('id_hash', '=', idHash)
    .where('purpose', 'in', purposes)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['state', 'nonce', 'code_verifier', 'purpose', 'account_id'])
    .executeTakeFirst()
}
