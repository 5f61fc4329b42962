import type { Kysely } from 'kysely'
import type pino from 'pino'
import type { FieldCipher } from '../platform/crypto/field-encryption.ts'
import type { Database } from '../platform/db/schema.ts'
import { DEMO_LOGINS, DEMO_PASSWORD } from './demo-accounts.ts'
import { seedDemoData } from './demo-data.ts'

/** True when the organisation row exists: the one sign that a database is in use. */
export async function hasOrganisation(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('organisation').select('id').limit(1).executeTakeFirst()
  return row !== undefined
}

/**
 * At start with the embedded database: fill it with demo data the first time only, so
 * trying the portal out needs no other step, and say how to log in.
 *
 * `portalUrl` is where people open the portal; main.ts may pass config.publicBaseUrl.origin.
 * Without it the PUBLIC_BASE_URL variable (or its default) is shown.
 */
export async function seedDemoDataIfEmpty(
  db: Kysely<Database>,
  cipher: FieldCipher,
  now: Date,
  log: pino.Logger,
  portalUrl: string = process.env.PUBLIC_BASE_URL || 'http://localhost:3000',
): Promise<void> {
  if (await hasOrganisation(db)) return

  const started = performance.now()
  const summary = await seedDemoData(db, cipher, { now })
  log.info({ ...summary, durationMs: Math.round(performance.now() - started) }, 'demo data seeded')

  // The demo password is public (it is in the docs); it goes in the message text because the
  // logger redacts any field named "password".
  const logins = Object.values(DEMO_LOGINS)
  log.info(
    { url: portalUrl, logins },
    `Demo: open ${portalUrl} en log in als ${logins.join(', ')} met het wachtwoord "${DEMO_PASSWORD}". ` +
      `${DEMO_LOGINS.client}: cliënt; ${DEMO_LOGINS.family}: dochter van twee cliënten; ` +
      `${DEMO_LOGINS.caregiver}: zorgmedewerker; ${DEMO_LOGINS.administrator}: functioneel beheerder.`,
  )
}
