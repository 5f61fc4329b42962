import { base, en, Faker, nl } from '@faker-js/faker'
import type { Kysely } from 'kysely'
import type { FieldCipher } from '../platform/crypto/field-encryption.ts'
import type { Database } from '../platform/db/schema.ts'
import { hashPassword } from '../identity/accounts/password-hash.ts'
import { amsterdamDate } from '../platform/amsterdam-time.ts'
import { insertInChunks } from './bulk-insert.ts'
import { DEMO_BSNS, DEMO_LOGINS, DEMO_PASSWORD, planAccounts } from './demo-accounts.ts'
import { planCareTeams, planTeamMemberships } from './demo-care-team.ts'
import { createDemoLogoPng } from './demo-logo.ts'
import { planMessages } from './demo-messages.ts'
import { planPeople } from './demo-people.ts'
import { planCarePlanPrints } from './demo-prints.ts'
import { planAppointments, planReports, planSubscriptions } from './demo-records.ts'
import { ORGANISATION } from './demo-texts.ts'
import { demoNews, TERMS_OF_USE_V1 } from './terms-and-news.ts'

/**
 * The fixed seed of the demo: the same `now` gives the same people, texts and ids on every
 * run (only ciphertexts, password salts and the ids the database generates differ).
 */
export const DEMO_FAKER_SEED = 20_261_125

export const DEFAULT_DEMO_CLIENTS = 30

export interface SeedDemoOptions {
  /** Everything is placed relative to this moment: a year of reports before it, appointments around it. */
  now: Date
  /** Number of clients; at least 3 (the demo accounts' clients). Default 30. */
  clients?: number
}

export interface DemoSeedSummary {
  teams: number
  staff: number
  clients: number
  accounts: number
  reports: number
  appointments: number
  subscriptions: number
  carePlanPrints: number
  messages: number
}

/**
 * Fills an empty database with the demo organisation, in one transaction: either all of
 * it is there or none of it. Fails (and leaves the database as it was) when the
 * organisation row already exists.
 */
export async function seedDemoData(db: Kysely<Database>, cipher: FieldCipher, options: SeedDemoOptions): Promise<DemoSeedSummary> {
  const clientCount = options.clients ?? DEFAULT_DEMO_CLIENTS
  if (!Number.isInteger(clientCount) || clientCount < 3) throw new Error('The demo needs at least 3 clients.')
  const { now } = options
  const today = amsterdamDate(now)
  // A separate Faker instance, so seeding it does not change the shared `fakerNL` others may use.
  const faker = new Faker({ locale: [nl, en, base], seed: DEMO_FAKER_SEED })

  // argon2 is slow by design: hash outside the transaction. One hash per account, each with
  // its own random salt: a shared hash would show in a dump that these accounts share a password.
  const demoPasswordHashes = new Map(
    await Promise.all(Object.values(DEMO_LOGINS).map(async (login) => [login, await hashPassword(DEMO_PASSWORD)] as const)),
  )

  const people = planPeople(faker, today, clientCount)
  const accountPlan = planAccounts(faker, people, now, demoPasswordHashes)
  const carePlan = planCareTeams(faker, people, today)
  const reports = planReports(faker, people, carePlan.careTeams, now)
  const appointments = planAppointments(faker, people, carePlan.careTeams, now, accountPlan.familyAccountId)
  const subscriptions = planSubscriptions(faker, people, now)
  // PDFs are rendered before the transaction opens: it then only writes.
  const prints = await planCarePlanPrints(people, carePlan.careTeams, today, ORGANISATION.name)
  const conversation = planMessages(people, carePlan.careTeams, today, now, new Map(accountPlan.links.map((link) => [link.client_id, link.account_id])))
  const administratorId = accountPlan.administratorAccountId

  // PGlite has one connection: inside the transaction only `trx` may be used, never `db`.
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organisation')
      .values({
        id: 1,
        name: ORGANISATION.name,
        tagline: ORGANISATION.tagline,
        logo: createDemoLogoPng(ORGANISATION.primaryColor),
        logo_mime_type: 'image/png',
        primary_color: ORGANISATION.primaryColor,
        accent_color: ORGANISATION.accentColor,
        support_text: ORGANISATION.supportText,
        // The demo is tried without a DigiD broker and with console SMS codes; its administrator
        // can choose the default (DigiD or a strong second factor) in Beheer → Beveiliging.
        login_policy: 'with_sms',
      })
      .execute()
    await insertInChunks(trx, 'team', people.teams.map((team) => ({ id: team.id, ecd_id: null, name: team.name, location: team.location })))
    // Stored as every account BSN is: encrypted, with its keyed look-up hash.
    const withBsns = accountPlan.accounts.map((account) => {
      const bsn = DEMO_BSNS[account.login_name]
      return bsn ? { ...account, bsn_encrypted: cipher.encrypt(bsn), bsn_lookup: cipher.lookupHash(bsn) } : account
    })
    await insertInChunks(trx, 'account', withBsns)
    await insertInChunks(trx, 'staff_member', people.staff.map((member) => ({
      id: member.id,
      ecd_id: null,
      account_id: accountPlan.staffAccountIds.get(member.id) ?? null,
      name: member.name,
      discipline: member.discipline,
      is_caregiver: member.isCaregiver,
      is_administrator: member.isAdministrator,
    })))
    await insertInChunks(trx, 'team_membership', planTeamMemberships(people))
    await insertInChunks(trx, 'client', people.clients.map((client) => ({
      ...client.columns,
      ecd_id: null,
      // BSN and bank account exist in plaintext only in memory; the database gets ciphertext.
      bsn_encrypted: cipher.encrypt(client.bsn),
      bsn_lookup: cipher.lookupHash(client.bsn),
      bank_account_encrypted: cipher.encrypt(client.iban),
    })))
    await insertInChunks(trx, 'care_assignment', carePlan.assignments.map((row) => ({ ...row, ecd_id: null })))
    await insertInChunks(trx, 'consent', accountPlan.consents)
    await insertInChunks(trx, 'client_link', accountPlan.links)
    await insertInChunks(trx, 'report', reports.map((row) => ({ ...row, ecd_id: null })))
    await insertInChunks(trx, 'appointment', appointments.map((row) => ({ ...row, ecd_id: null })))
    await insertInChunks(trx, 'subscription', subscriptions.map((row) => ({ ...row, ecd_id: null })))
    // A few PDFs per statement: each row carries some kilobytes of bytes.
    await insertInChunks(trx, 'care_plan_print', prints, 20)
    await insertInChunks(trx, 'message', conversation.messages)
    await insertInChunks(trx, 'message_read_marker', conversation.readMarkers)
    await insertInChunks(trx, 'news_item', demoNews(now).map((item) => ({
      title: item.title,
      body: item.body,
      publish_from: item.publishFrom,
      publish_until: item.publishUntil,
      created_by: administratorId,
    })))
    await trx
      .insertInto('terms_version')
      .values({ version: 1, body: TERMS_OF_USE_V1, published_at: new Date(now.getTime() - 400 * 24 * 60 * 60 * 1000), published_by: administratorId })
      .execute()
  })

  return {
    teams: people.teams.length,
    staff: people.staff.length,
    clients: people.clients.length,
    accounts: accountPlan.accounts.length,
    reports: reports.length,
    appointments: appointments.length,
    subscriptions: subscriptions.length,
    carePlanPrints: prints.length,
    messages: conversation.messages.length,
  }
}
