import type { Insertable } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import type { IntegrationClientTable } from './integration-client.table.ts'

export async function insertIntegrationClient(db: Db, values: Insertable<IntegrationClientTable>) {
  return db.insertInto('integration_client').values(values).returning(['id', 'name']).executeTakeFirstOrThrow()
}

/** An integration client that may still get tokens. */
export async function findActiveIntegrationClient(db: Db, id: string) {
  return db
    .selectFrom('integration_client')
    .selectAll()
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .executeTakeFirst()
}

export async function insertToken(db: Db, values: { token_hash: Buffer; integration_client_id: string; scopes: string; created_at: Date; expires_at: Date }) {
  await db.insertInto('integration_token').values(values).execute()
}

/** The client and scopes of a token that has not expired, of a client not disabled. */
export async function findTokenHolder(db: Db, tokenHash: Buffer, now: Date) {
  return db
    .selectFrom('integration_token as t')
    .innerJoin('integration_client as c', 'c.id', 't.integration_client_id')
    .select(['c.id', 'c.name', 'c.identifier_system', 'c.requests_per_minute', 't.scopes'])
    .where('t.token_hash', '=', tokenHash)
    .where('t.expires_at', '>', now)
    .where('c.disabled_at', 'is', null)
    .executeTakeFirst()
}

/** Remembers an assertion's jti; false when it was seen before (a replay). */
export async function rememberAssertion(db: Db, clientId: string, jti: string, expiresAt: Date): Promise<boolean> {
  const row = await db
    .insertInto('integration_assertion')
    .values({ integration_client_id: clientId, jti, expires_at: expiresAt })
    .onConflict((oc) => oc.doNothing())
    .returning('jti')
    .executeTakeFirst()
  return row !== undefined
}

/** Expired tokens and assertion ids are of no use to anyone: cleared as new ones are made. */
export async function deleteExpiredCredentials(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('integration_token').where('expires_at', '<', now).execute()
  await db.deleteFrom('integration_assertion').where('expires_at', '<', now).execute()
}
