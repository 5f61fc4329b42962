import type { Faker } from '@faker-js/faker'
import type { Insertable } from 'kysely'
import type { AccountTable } from '../identity/accounts/account.table.ts'
import type { ClientLinkTable, ConsentTable } from '../record/links/link.table.ts'
import { addDays, amsterdamDate } from '../platform/amsterdam-time.ts'
import { DEMO_CLIENT_INDEX, type DemoPeople, formalName } from './demo-people.ts'
import { generateMobileNumber } from './dutch-identifiers.ts'

/**
 * Accounts, consents and links of the demo. The four demo logins share one password so
 * the demo can be tried at once; every other staff account has no password yet, as if
 * its welcome e-mail had not been used.
 */

export const DEMO_PASSWORD = 'Welkom bij De Linde 2026'

export const DEMO_LOGINS = {
  client: 'demo.client',
  family: 'demo.familie',
  caregiver: 'demo.zorg',
  administrator: 'demo.beheer',
} as const

/**
 * The demo portal accounts' own BSNs, from the range the RvIG keeps for tests (999990000–999999999),
 * so "Inloggen met DigiD" can be tried against a local OpenID provider (README, DigiD).
 */
export const DEMO_BSNS: Readonly<Record<string, string>> = {
  [DEMO_LOGINS.client]: '999990019',
  [DEMO_LOGINS.family]: '999990032',
}

export interface DemoAccounts {
  accounts: (Insertable<AccountTable> & { id: string })[]
  /** staff_member.id → account.id */
  staffAccountIds: Map<string, string>
  consents: (Insertable<ConsentTable> & { id: string })[]
  links: Insertable<ClientLinkTable>[]
  administratorAccountId: string
  familyAccountId: string
}

const DAY_MS = 24 * 60 * 60 * 1000
const CONSENT_SCOPE = 'Inzage via het cliëntportaal in rapportages, zorgplan, afspraken, berichten, profiel en abonnementen.'

/**
 * `demoPasswordHashes`: per demo login name, its own argon2id hash of the demo password. Each
 * hash has its own salt, so equal passwords do not show as equal hashes (a dump reveals
 * nothing about who shares a password, and one cracked hash cracks no other).
 */
export function planAccounts(faker: Faker, people: DemoPeople, now: Date, demoPasswordHashes: ReadonlyMap<string, string>): DemoAccounts {
  const demoPasswordHash = (loginName: string): string => {
    const hash = demoPasswordHashes.get(loginName)
    if (!hash) throw new Error(`No password hash for demo login ${loginName}.`)
    return hash
  }
  const yearAgo = new Date(now.getTime() - 365 * DAY_MS)
  const accounts: DemoAccounts['accounts'] = []
  const staffAccountIds = new Map<string, string>()

  const demoLogins = new Set<string>(Object.values(DEMO_LOGINS))
  for (const member of people.staff) {
    if (!member.loginName) continue
    const isDemo = demoLogins.has(member.loginName)
    const id = faker.string.uuid()
    staffAccountIds.set(member.id, id)
    accounts.push({
      id,
      kind: 'staff',
      login_name: member.loginName,
      display_name: member.name,
      email: `${member.loginName}@example.org`,
      mobile_phone: generateMobileNumber(faker),
      password_hash: isDemo ? demoPasswordHash(member.loginName) : null,
      password_changed_at: isDemo ? yearAgo : null,
      created_at: yearAgo,
    })
  }

  const clientAccountId = faker.string.uuid()
  const familyAccountId = faker.string.uuid()
  const self = people.clients[DEMO_CLIENT_INDEX.self]
  const mother = people.clients[DEMO_CLIENT_INDEX.mother]
  const father = people.clients[DEMO_CLIENT_INDEX.father]
  if (!self || !mother || !father) throw new Error('The demo needs at least three clients.')

  accounts.push(
    {
      id: clientAccountId, kind: 'portal', login_name: DEMO_LOGINS.client,
      display_name: `${self.columns.given_name} ${self.columns.name_prefix} ${self.columns.family_name}`,
      email: `${DEMO_LOGINS.client}@example.org`, mobile_phone: generateMobileNumber(faker),
      password_hash: demoPasswordHash(DEMO_LOGINS.client), password_changed_at: yearAgo, created_at: yearAgo,
    },
    {
      id: familyAccountId, kind: 'portal', login_name: DEMO_LOGINS.family,
      // The daughter carries her father's family name.
      display_name: `Marieke ${father.columns.name_prefix} ${father.columns.family_name}`,
      email: `${DEMO_LOGINS.family}@example.org`, mobile_phone: generateMobileNumber(faker),
      password_hash: demoPasswordHash(DEMO_LOGINS.family), password_changed_at: yearAgo, created_at: yearAgo,
    },
  )

  const administratorAccountId = staffAccountIds.get(people.demoAdministrator.id)
  if (!administratorAccountId) throw new Error('The demo administrator has no account.')
  const daughterFormal = `M. ${father.columns.name_prefix} ${father.columns.family_name}`

  // Which link, on what consent, activated when. The mother's link (the daughter's first)
  // was activated three months ago: her older reports stay hidden through it.
  const linkPlans = [
    { accountId: clientAccountId, client: self, relation: 'self' as const, activatedAt: yearAgo, givenBy: 'client' as const, givenByName: formalName(self) },
    { accountId: familyAccountId, client: mother, relation: 'first_contact' as const, activatedAt: new Date(now.getTime() - 91 * DAY_MS), givenBy: 'client' as const, givenByName: formalName(mother) },
    { accountId: familyAccountId, client: father, relation: 'legal_representative' as const, activatedAt: yearAgo, givenBy: 'legal_representative' as const, givenByName: `${daughterFormal} (mentor)` },
  ]

  const consents: DemoAccounts['consents'] = []
  const links: DemoAccounts['links'] = []
  for (const plan of linkPlans) {
    const consentId = faker.string.uuid()
    const recordedAt = new Date(plan.activatedAt.getTime() - 2 * DAY_MS)
    consents.push({
      id: consentId,
      client_id: plan.client.id,
      given_by: plan.givenBy,
      given_by_name: plan.givenByName,
      given_on: addDays(amsterdamDate(plan.activatedAt), -7),
      scope: CONSENT_SCOPE,
      form_pdf: null,
      recorded_by: administratorAccountId,
      recorded_at: recordedAt,
      withdrawn_at: null,
    })
    links.push({
      account_id: plan.accountId,
      client_id: plan.client.id,
      consent_id: consentId,
      relation: plan.relation,
      activated_at: plan.activatedAt,
      ended_at: null,
      end_reason: null,
      created_by: administratorAccountId,
      created_at: recordedAt,
    })
  }

  return { accounts, staffAccountIds, consents, links, administratorAccountId, familyAccountId }
}
