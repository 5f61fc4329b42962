import type { Db } from '../../server/platform/db/database.ts'
import { fixturePasswordHash } from '../../server/test/factories.ts'
import { sendPasswordLink } from '../../server/identity/authentication/password.service.ts'
import { TERMS_OF_USE_V1 } from '../../server/seed/terms-and-news.ts'
import { readOutbox } from '../../server/platform/outbox/outbox.test-support.ts'

export interface TestPerson {
  id: string
  loginName: string
  displayName: string
  email: string
  phone: string
}

let sequence = 0

/** A portal account as an administrator would enter it; with a (temporary) password or none yet. */
export async function createPerson(
  db: Db,
  options: { displayName?: string; password?: string; temporary?: boolean; now?: Date } = {},
): Promise<TestPerson> {
  sequence += 1
  const loginName = `e2e.persoon${sequence}.${Date.now().toString(36)}`
  const displayName = options.displayName ?? 'Anna de Vries'
  const row = await db
    .insertInto('account')
    .values({
      kind: 'portal',
      login_name: loginName,
      display_name: displayName,
      email: `${loginName}@example.org`,
      mobile_phone: `+316${String(20_000_000 + sequence).slice(-8)}`,
      password_hash: options.password ? await fixturePasswordHash(options.password) : null,
      password_is_temporary: options.temporary ?? false,
      password_changed_at: options.password ? (options.now ?? new Date()) : null,
    })
    .returning(['id', 'login_name', 'display_name', 'email', 'mobile_phone'])
    .executeTakeFirstOrThrow()
  return { id: row.id, loginName: row.login_name, displayName: row.display_name, email: row.email, phone: row.mobile_phone ?? '' }
}

/** The welcome e-mail's link, as the administrator's "send welcome e-mail" makes it, read from the outbox. */
export async function welcomeLink(db: Db, publicBaseUrl: string, person: TestPerson, now: Date): Promise<string> {
  await sendPasswordLink(db, { publicBaseUrl: new URL(publicBaseUrl) }, { id: person.id, email: person.email, display_name: person.displayName, login_name: person.loginName }, 'welcome', now)
  return latestPasswordLink(db, person)
}

/** The password link in the newest e-mail to this person. */
export async function latestPasswordLink(db: Db, person: TestPerson): Promise<string> {
  const mail = (await readOutbox(db, { channel: 'email', recipient: person.email })).sort((a, b) => a.created_at.getTime() - b.created_at.getTime()).at(-1)
  if (!mail) throw new Error(`no e-mail to ${person.email}`)
  const match = /(https?:\/\/\S+\/wachtwoord-instellen#[A-Za-z0-9_-]+)/.exec(mail.body_text)
  if (!match?.[1]) throw new Error('the e-mail holds no password link')
  return match[1]
}

/** Version 1 of the terms of use, published a day before `now`. */
export async function publishTerms(db: Db, now: Date): Promise<void> {
  await db
    .insertInto('terms_version')
    .values({ version: 1, body: TERMS_OF_USE_V1, published_at: new Date(now.getTime() - 24 * 3600_000) })
    .execute()
}

/** The person accepted the current terms before (so a test can start after that step). */
export async function acceptCurrentTerms(db: Db, person: TestPerson, now: Date): Promise<void> {
  const terms = await db.selectFrom('terms_version').select('id').orderBy('version', 'desc').executeTakeFirstOrThrow()
  await db.insertInto('terms_acceptance').values({ account_id: person.id, terms_version_id: terms.id, accepted_at: now }).execute()
}
