import type { Db } from '../../platform/db/database.ts'

/** Portal accounts (not ended) holding this BSN look-up hash; blocked ones too, to log who was refused. Two are enough to refuse. */
export async function findPortalAccountsByBsnLookup(db: Db, bsnLookup: Buffer) {
  return db
    .selectFrom('account')
    .select(['id', 'display_name', 'blocked_at'])
    .where('kind', '=', 'portal')
    .where('ended_at', 'is', null)
    .where('bsn_lookup', '=', bsnLookup)
    .limit(2)
    .execute()
}

export async function findAccountForBinding(db: Db, accountId: string) {
  return db
    .selectFrom('account')
    .select(['id', 'kind', 'display_name', 'email', 'blocked_at', 'ended_at', 'bsn_lookup'])
    .where('id', '=', accountId)
    .executeTakeFirst()
}

export async function setAccountBsn(db: Db, accountId: string, bsn: { encrypted: Buffer; lookup: Buffer } | null, now: Date): Promise<void> {
  await db
    .updateTable('account')
    .set({ bsn_encrypted: bsn?.encrypted ?? null, bsn_lookup: bsn?.lookup ?? null, updated_at: now })
    .where('id', '=', accountId)
    .execute()
}
