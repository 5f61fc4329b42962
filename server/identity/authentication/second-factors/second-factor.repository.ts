import type { Insertable } from 'kysely'
import type { Db } from '../../../platform/db/database.ts'
import type { PasskeyTable, WebauthnChallengeTable } from './second-factor.table.ts'

// --- Authenticator app (TOTP) ---

export async function findTotp(db: Db, accountId: string) {
  return db.selectFrom('account_totp').selectAll().where('account_id', '=', accountId).executeTakeFirst()
}

/** The confirmed app of the account, locked so two logins cannot both use one code. */
export async function findConfirmedTotpForUpdate(db: Db, accountId: string) {
  return db
    .selectFrom('account_totp')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('confirmed_at', 'is not', null)
    .forUpdate()
    .executeTakeFirst()
}

/** Starts (or restarts) an enrolment; a confirmed app is never overwritten. Returns false when one is. */
export async function upsertPendingTotp(db: Db, accountId: string, secretEncrypted: Buffer, now: Date): Promise<boolean> {
  const result = await db
    .insertInto('account_totp')
    .values({ account_id: accountId, secret_encrypted: secretEncrypted, created_at: now })
    .onConflict((oc) =>
      oc
        .column('account_id')
        .doUpdateSet({ secret_encrypted: secretEncrypted, created_at: now, last_used_step: null })
        .where('account_totp.confirmed_at', 'is', null),
    )
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}

export async function findPendingTotpForUpdate(db: Db, accountId: string) {
  return db
    .selectFrom('account_totp')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('confirmed_at', 'is', null)
    .forUpdate()
    .executeTakeFirst()
}

export async function confirmTotp(db: Db, accountId: string, step: number, now: Date): Promise<void> {
  await db.updateTable('account_totp').set({ confirmed_at: now, last_used_step: step }).where('account_id', '=', accountId).execute()
}

export async function storeTotpStep(db: Db, accountId: string, step: number): Promise<void> {
  await db.updateTable('account_totp').set({ last_used_step: step }).where('account_id', '=', accountId).execute()
}

/** Returns whether a confirmed app was removed. */
export async function deleteTotp(db: Db, accountId: string): Promise<boolean> {
  const result = await db.deleteFrom('account_totp').where('account_id', '=', accountId).where('confirmed_at', 'is not', null).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

// --- Recovery codes ---

export async function replaceRecoveryCodes(db: Db, accountId: string, codeHashes: Buffer[], now: Date): Promise<void> {
  await db.deleteFrom('recovery_code').where('account_id', '=', accountId).execute()
  await db
    .insertInto('recovery_code')
    .values(codeHashes.map((code_hash) => ({ account_id: accountId, code_hash, created_at: now })))
    .execute()
}

export async function countUnusedRecoveryCodes(db: Db, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_code')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

/** Marks the code used if it is the account's and unused; one statement, so a code works only once. */
export async function useRecoveryCode(db: Db, accountId: string, codeHash: Buffer, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('recovery_code')
    .set({ used_at: now })
    .where('account_id', '=', accountId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

// --- Passkeys ---

export async function insertPasskey(db: Db, passkey: Insertable<PasskeyTable>): Promise<void> {
  await db.insertInto('passkey').values(passkey).execute()
}

export async function findPasskeysOfAccount(db: Db, accountId: string) {
  return db
    .selectFrom('passkey')
    .select(['id', 'credential_id', 'transports', 'user_handle', 'name', 'created_at', 'last_used_at'])
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'asc')
    .execute()
}

export async function findPasskeyByCredentialId(db: Db, credentialId: string) {
  return db.selectFrom('passkey').select('id').where('credential_id', '=', credentialId).executeTakeFirst()
}

/** The passkey with its account, locked so the counter is checked and raised by one request at a time. */
export async function findPasskeyForUpdate(db: Db, credentialId: string) {
  return db
    .selectFrom('passkey')
    .innerJoin('account', 'account.id', 'passkey.account_id')
    .select([
      'passkey.id',
      'passkey.account_id',
      'passkey.credential_id',
      'passkey.public_key',
      'passkey.counter',
      'passkey.transports',
      'passkey.user_handle',
      'account.kind',
      'account.display_name',
      'account.password_hash',
      'account.throttled_until',
      'account.blocked_at',
      'account.ended_at',
    ])
    .where('passkey.credential_id', '=', credentialId)
    .forUpdate(['passkey'])
    .executeTakeFirst()
}

export async function recordPasskeyUse(db: Db, id: string, counter: number, now: Date): Promise<void> {
  await db.updateTable('passkey').set({ counter, last_used_at: now }).where('id', '=', id).execute()
}

/** Removes one of the account's passkeys; false when the account has no passkey with that id. */
export async function deletePasskey(db: Db, accountId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('passkey').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

// --- WebAuthn challenges ---

export async function insertChallenge(db: Db, challenge: Insertable<WebauthnChallengeTable>): Promise<void> {
  // Expired challenges are cleared on the way, so the table stays small without a job.
  await db.deleteFrom('webauthn_challenge').where('expires_at', '<', challenge.created_at).execute()
  await db.insertInto('webauthn_challenge').values(challenge).execute()
}

/** Takes a challenge out of the table (single use); undefined when unknown, expired or already used. */
export async function takeChallenge(db: Db, challengeHash: Buffer, purpose: WebauthnChallengeTable['purpose'], now: Date) {
  return db
    .deleteFrom('webauthn_challenge')
    .where('challenge_hash', '=', challengeHash)
    .where('purpose', '=', purpose)
    .where('expires_at', '>', now)
    .returning(['account_id', 'user_handle'])
    .executeTakeFirst()
}
