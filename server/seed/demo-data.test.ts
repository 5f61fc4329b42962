import { randomBytes } from 'node:crypto'
import { Writable } from 'node:stream'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFieldCipher } from '../platform/crypto/field-encryption.ts'
import type { Db } from '../platform/db/database.ts'
import { verifyPassword } from '../identity/accounts/password-hash.ts'
import { pdfProblem } from '../platform/pdf/pdf-content.ts'
import { createTestDatabase } from '../test/test-database.ts'
import { addDays, amsterdamDate, amsterdamInstant } from '../platform/amsterdam-time.ts'
import { DEMO_LOGINS, DEMO_PASSWORD } from './demo-accounts.ts'
import { isValidBsn } from './dutch-identifiers.ts'
import { seedDemoDataIfEmpty } from './seed-on-start.ts'

// A fixed moment, so "today", "a year ago" and "three months ago" are known.
const NOW = new Date('2026-11-25T09:30:00Z')
const DAY_MS = 24 * 60 * 60 * 1000
const cipher = createFieldCipher(randomBytes(32))
const logLines: string[] = []
const log = pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _encoding, done) => { logLines.push(chunk.toString()); done() } }))

let db: Db
let closeDatabase: () => Promise<void>

beforeAll(async () => {
  const database = await createTestDatabase()
  db = database.db
  closeDatabase = database.close
  await seedDemoDataIfEmpty(db, cipher, NOW, log, 'http://localhost:3000')
})

afterAll(async () => {
  await closeDatabase()
})

async function rowCounts() {
  const tables = ['organisation', 'team', 'staff_member', 'account', 'client', 'care_assignment', 'client_link', 'report', 'appointment', 'subscription', 'news_item', 'terms_version', 'care_plan_print', 'message'] as const
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow()
    counts[table] = Number(row.count)
  }
  return counts
}

describe('demo data', () => {
  it('has 30 clients with a year of reports each, a few hidden from the portal', async () => {
    const counts = await rowCounts()
    expect(counts.client).toBe(30)
    expect(counts.report).toBeGreaterThanOrEqual(30 * 200)
    const perClient = await db.selectFrom('report').select((eb) => eb.fn.countAll<string>().as('count')).groupBy('client_id').execute()
    expect(perClient).toHaveLength(30)
    for (const row of perClient) expect(Number(row.count)).toBeGreaterThanOrEqual(200)

    const hidden = await db.selectFrom('report').select((eb) => eb.fn.countAll<string>().as('count')).where('visible_in_portal', '=', false).executeTakeFirstOrThrow()
    expect(Number(hidden.count) / counts.report!).toBeGreaterThan(0.02)
    expect(Number(hidden.count) / counts.report!).toBeLessThan(0.08)
    const range = await db.selectFrom('report').select((eb) => [eb.fn.min('reported_at').as('first'), eb.fn.max('reported_at').as('last')]).executeTakeFirstOrThrow()
    expect(new Date(range.last).getTime()).toBeLessThan(NOW.getTime())
    expect(new Date(range.first).getTime()).toBeLessThan(NOW.getTime() - 360 * DAY_MS)
  })

  it('stores every BSN and bank account only encrypted, and every BSN passes the elfproef', async () => {
    const clients = await db.selectFrom('client').selectAll().execute()
    for (const client of clients) {
      expect(client.bsn_encrypted).not.toBeNull()
      const bsn = cipher.decrypt(client.bsn_encrypted!)
      expect(bsn).toMatch(/^\d{9}$/)
      expect(isValidBsn(bsn)).toBe(true)
      expect(cipher.lookupHash(bsn).equals(client.bsn_lookup!)).toBe(true)
      const iban = cipher.decrypt(client.bank_account_encrypted!)
      expect(iban).toMatch(/^NL\d{2}[A-Z]{4}\d{10}$/)

      // No column, in any representation, holds the plaintext.
      const stored = Object.values(client)
        .map((value) => (Buffer.isBuffer(value) ? `${value.toString('latin1')} ${value.toString('hex')}` : String(value)))
        .join('|')
      expect(stored).not.toContain(bsn)
      expect(stored).not.toContain(iban)
    }
  })

  it('gives each demo account its own password hash (own salt), each opening with the demo password', async () => {
    const withPassword = await db.selectFrom('account').select(['login_name', 'password_hash']).where('password_hash', 'is not', null).execute()
    expect(withPassword.map((account) => account.login_name).sort()).toEqual(Object.values(DEMO_LOGINS).sort())
    const hashes = withPassword.map((account) => account.password_hash!)
    expect(new Set(hashes).size).toBe(hashes.length)
    // The salt is the fourth $-separated field of an argon2 PHC string.
    expect(new Set(hashes.map((hash) => hash.split('$')[4])).size).toBe(hashes.length)
    for (const hash of hashes) expect(await verifyPassword(hash, DEMO_PASSWORD)).toBe(true)
  })

  it('has the two demo portal accounts with the demo password, and demo.familie has exactly two active links', async () => {
    const portal = await db.selectFrom('account').select(['id', 'login_name', 'password_hash', 'email', 'mobile_phone']).where('kind', '=', 'portal').execute()
    expect(portal.map((account) => account.login_name).sort()).toEqual([DEMO_LOGINS.client, DEMO_LOGINS.family])
    for (const account of portal) {
      expect(account.password_hash).toMatch(/^\$argon2id\$/)
      expect(account.email).toMatch(/@example\.org$/)
      expect(account.mobile_phone).toMatch(/^\+316\d{8}$/)
    }
    expect(await verifyPassword(portal[0]!.password_hash!, DEMO_PASSWORD)).toBe(true)

    const family = portal.find((account) => account.login_name === DEMO_LOGINS.family)!
    const links = await db
      .selectFrom('client_link')
      .innerJoin('consent', 'consent.id', 'client_link.consent_id')
      .innerJoin('client', 'client.id', 'client_link.client_id')
      .select(['client_link.relation', 'client_link.activated_at', 'consent.given_by', 'client.legal_capacity'])
      .where('client_link.account_id', '=', family.id)
      .where('client_link.ended_at', 'is', null)
      .execute()
    expect(links).toHaveLength(2)
    const firstContact = links.find((link) => link.relation === 'first_contact')!
    const representative = links.find((link) => link.relation === 'legal_representative')!
    // The newer link hides the older reports: activated about three months ago.
    expect(Math.round((NOW.getTime() - firstContact.activated_at.getTime()) / DAY_MS)).toBe(91)
    expect(firstContact.given_by).toBe('client')
    expect(representative.legal_capacity).toBe('wilsonbekwaam')
    expect(representative.given_by).toBe('legal_representative')

    const self = await db.selectFrom('client_link').innerJoin('account', 'account.id', 'client_link.account_id')
      .select('client_link.relation').where('account.login_name', '=', DEMO_LOGINS.client).execute()
    expect(self).toEqual([{ relation: 'self' }])
  })

  it('has demo.zorg as EVV-er in the team of demo.familie’s clients, and demo.beheer as administrator in no team', async () => {
    const staff = await db.selectFrom('staff_member').innerJoin('account', 'account.id', 'staff_member.account_id')
      .select(['staff_member.id', 'account.login_name', 'account.kind', 'staff_member.is_caregiver', 'staff_member.is_administrator'])
      .where('account.login_name', 'in', [DEMO_LOGINS.caregiver, DEMO_LOGINS.administrator]).execute()
    const caregiver = staff.find((s) => s.login_name === DEMO_LOGINS.caregiver)!
    const administrator = staff.find((s) => s.login_name === DEMO_LOGINS.administrator)!
    expect(caregiver).toMatchObject({ kind: 'staff', is_caregiver: true })
    expect(administrator).toMatchObject({ kind: 'staff', is_caregiver: false, is_administrator: true })
    expect(await db.selectFrom('team_membership').select('team_id').where('staff_member_id', '=', administrator.id).execute()).toEqual([])

    const familyClients = db.selectFrom('client_link').innerJoin('account', 'account.id', 'client_link.account_id')
      .select('client_link.client_id').where('account.login_name', '=', DEMO_LOGINS.family)
    const evvOf = await db.selectFrom('care_assignment').select('client_id')
      .where('staff_member_id', '=', caregiver.id).where('role', '=', 'evv').where('client_id', 'in', familyClients).execute()
    expect(evvOf).toHaveLength(1)
    const sharedTeams = await db.selectFrom('care_assignment')
      .innerJoin('team_membership', 'team_membership.team_id', 'care_assignment.team_id')
      .select('care_assignment.client_id')
      .where('team_membership.staff_member_id', '=', caregiver.id).where('care_assignment.client_id', 'in', familyClients).execute()
    expect(sharedTeams).toHaveLength(2)
  })

  it('gives every client a team, an EVV-er and a responsible staff member, and has ended assignments', async () => {
    const roles = await db.selectFrom('care_assignment').select(['role', (eb) => eb.fn.count<string>('client_id').distinct().as('clients')])
      .where('valid_until', 'is', null).groupBy('role').execute()
    for (const role of ['team', 'evv', 'responsible', 'practitioner']) {
      expect(Number(roles.find((r) => r.role === role)?.clients)).toBeGreaterThan(role === 'practitioner' ? 10 : 29)
    }
    const ended = await db.selectFrom('care_assignment').select('valid_until').where('valid_until', '<', amsterdamDate(NOW)).execute()
    expect(ended.length).toBeGreaterThan(0)
  })

  it('has appointments today for one of demo.familie’s clients', async () => {
    const today = amsterdamDate(NOW)
    const appointments = await db.selectFrom('appointment')
      .innerJoin('client_link', 'client_link.client_id', 'appointment.client_id')
      .innerJoin('account', 'account.id', 'client_link.account_id')
      .select(['appointment.title', 'appointment.starts_at'])
      .where('account.login_name', '=', DEMO_LOGINS.family)
      .where('appointment.cancelled_at', 'is', null)
      .where('appointment.starts_at', '>=', amsterdamInstant(today, '00:00'))
      .where('appointment.starts_at', '<', amsterdamInstant(addDays(today, 1), '00:00'))
      .execute()
    expect(appointments.length).toBeGreaterThan(0)
  })

  it('has real care-plan PDFs with signature sheets for every client, and messages with one unread for the demo accounts', async () => {
    const prints = await db.selectFrom('care_plan_print').select(['client_id', 'print_pdf', 'print_size', 'signature_sheet_pdf', 'signed_on', 'plan_date']).execute()
    expect(new Set(prints.map((p) => p.client_id)).size).toBe(30)
    for (const print of prints) {
      expect(await pdfProblem(print.print_pdf)).toBeNull()
      expect(await pdfProblem(print.signature_sheet_pdf!)).toBeNull()
      expect(print.print_size).toBe(print.print_pdf.length)
      expect(print.plan_date < amsterdamDate(NOW)).toBe(true)
    }
    const unread = await db.selectFrom('message')
      .innerJoin('message_read_marker as marker', (join) => join.onRef('marker.client_id', '=', 'message.client_id'))
      .innerJoin('account', 'account.id', 'marker.account_id')
      .select(['account.login_name', 'message.author_staff_id'])
      .whereRef('message.created_at', '>', 'marker.read_until')
      .execute()
    expect(unread.map((row) => row.login_name).sort()).toEqual([DEMO_LOGINS.client, DEMO_LOGINS.family, DEMO_LOGINS.family])
    expect(unread.every((row) => row.author_staff_id !== null)).toBe(true)
  })

  it('has one current and one expired news item, terms of use version 1 and a readable brand', async () => {
    const news = await db.selectFrom('news_item').select(['publish_from', 'publish_until']).execute()
    const current = news.filter((n) => n.publish_from <= NOW && (n.publish_until === null || n.publish_until > NOW))
    const expired = news.filter((n) => n.publish_until !== null && n.publish_until <= NOW)
    expect(current).toHaveLength(1)
    expect(expired).toHaveLength(1)
    expect(await db.selectFrom('terms_version').select('version').execute()).toEqual([{ version: 1 }])

    const organisation = await db.selectFrom('organisation').selectAll().executeTakeFirstOrThrow()
    expect(organisation.primary_color).toMatch(/^#[0-9a-f]{6}$/)
    expect(organisation.accent_color).toMatch(/^#[0-9a-f]{6}$/)
    expect(contrastWithWhite(organisation.primary_color)).toBeGreaterThanOrEqual(4.5)
    expect(organisation.logo?.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
  })

  it('tells how to log in, and a second start adds nothing', async () => {
    expect(logLines.join('')).toContain(DEMO_PASSWORD)
    const before = await rowCounts()
    await seedDemoDataIfEmpty(db, cipher, new Date(NOW.getTime() + DAY_MS), log)
    expect(await rowCounts()).toEqual(before)
  })
})

/** WCAG 2 contrast ratio of white text on `hex`. */
function contrastWithWhite(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4
  }
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
  return 1.05 / (luminance + 0.05)
}
