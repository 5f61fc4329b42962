import type { Insertable } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import type { AccountTable } from '../identity/accounts/account.table.ts'
import { hashPassword } from '../identity/accounts/password-hash.ts'
import type { NewsItemTable } from '../organisation/news/news.table.ts'
import type { OrganisationTable } from '../organisation/settings/organisation.table.ts'
import type { TermsVersionTable } from '../identity/terms/terms.table.ts'
import { rememberSecret } from './log-capture.ts'

/**
 * The stored hash of a test password, at the production argon2id strength, made once per
 * password and worker: hashing costs tens of milliseconds of CPU, and the suite creates
 * accounts by the thousand with the same few passwords. The salt is then shared between
 * those accounts, which only a test may do; logins still verify at full cost.
 */
const fixtureHashes = new Map<string, Promise<string>>()
export function fixturePasswordHash(password: string): Promise<string> {
  let hash = fixtureHashes.get(password)
  if (!hash) {
    hash = hashPassword(password)
    fixtureHashes.set(password, hash)
  }
  return hash
}

/** Test data with sensible defaults; override only what the test is about. */
export async function createOrganisation(db: Db, overrides: Partial<Insertable<OrganisationTable>> = {}) {
  return db
    .insertInto('organisation')
    // SMS still enough unless a test is about the login policy: most tests log in with password + SMS.
    .values({ name: 'Zorggroep Test', tagline: 'Zorg dichtbij', login_policy: 'with_sms', ...overrides })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function createNewsItem(db: Db, overrides: Partial<Insertable<NewsItemTable>> = {}) {
  return db
    .insertInto('news_item')
    .values({ title: 'Onderhoud', body: 'Het portaal is zaterdag even niet bereikbaar.', publish_from: new Date(Date.now() - 3600_000), ...overrides })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** The password createAccount gives an account unless told otherwise. */
export const TEST_PASSWORD = 'groene appels rollen langzaam naar het kanaal'

let accountSequence = 0

/**
 * A portal account that can log in with `password` and an SMS code (pass `password: null`
 * for an account that has not set one yet). Returns the row and the plain password ('' when none).
 */
export async function createAccount(
  db: Db,
  overrides: Partial<Insertable<AccountTable>> & { password?: string | null } = {},
) {
  const { password = TEST_PASSWORD, ...columns } = overrides
  accountSequence++
  const loginName = columns.login_name ?? `test.persoon${accountSequence}`
  const passwordHash = password === null ? null : await fixturePasswordHash(rememberSecret(password))
  const account = await db
    .insertInto('account')
    .values({
      kind: 'portal',
      login_name: loginName,
      display_name: 'Anna de Vries',
      email: `${loginName}@example.org`,
      mobile_phone: `+3161${String(accountSequence).padStart(7, '0')}`,
      password_hash: passwordHash,
      password_changed_at: passwordHash ? new Date() : null,
      ...columns,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return { ...account, password: password ?? '' }
}

export async function createTermsVersion(db: Db, overrides: Partial<Insertable<TermsVersionTable>> = {}) {
  const { max } = await db.selectFrom('terms_version').select((eb) => eb.fn.max('version').as('max')).executeTakeFirstOrThrow()
  return db
    .insertInto('terms_version')
    .values({ version: (max ?? 0) + 1, body: 'U gebruikt het portaal alleen voor uzelf of voor wie u vertegenwoordigt.', published_at: new Date(Date.now() - 60_000), ...overrides })
    .returningAll()
    .executeTakeFirstOrThrow()
}
