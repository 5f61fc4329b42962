import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../db/database.ts'
import { createAccount, createOrganisation } from '../../test/factories.ts'
import { rememberSecret } from '../../test/log-capture.ts'
import { passwordStep, postJson } from '../../test/login-helper.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { readOutbox, recordingTransports } from './outbox.test-support.ts'
import { deliverDueMessages } from './outbox.worker.ts'

// Live mode (a real SMTP server configured): a delivered body is erased, as in production.
let t: TestApp
let account: Awaited<ReturnType<typeof createAccount>>
let link: { url: string; token: string }
let sms: { code: string; attemptToken: string }

/** Every row of every table of the portal's schema as text (bytea as hex), to search for a secret. */
async function wholeDatabaseAsText(db: Db): Promise<string> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
  expect(tables.rows.map((table) => table.name)).toContain('outbox_message')
  const dumps: string[] = []
  for (const { name } of tables.rows) {
    const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(name)} as t`.execute(db)
    dumps.push(...rows.rows.map((r) => `${name}: ${r.row}`))
  }
  return dumps.join('\n')
}

/** The secret as it might sit in a column: as text, or as the bytes of that text (hex, in a bytea). */
function expectAbsent(dump: string, secret: string): void {
  expect(dump).not.toContain(secret)
  expect(dump).not.toContain(Buffer.from(secret, 'utf8').toString('hex'))
}

beforeAll(async () => {
  t = await createTestApp({ env: { SMTP_URL: 'smtps://smtp.example.org', MAIL_FROM: 'Zorg <portaal@zorg.example>' } })
  await createOrganisation(t.db)
  account = await createAccount(t.db)
  // A reset link by e-mail and a login code by SMS, through the real routes.
  expect((await postJson(t, '/api/password/forgot', { loginName: account.login_name })).statusCode).toBe(202)
  const attemptToken = await passwordStep(t, account.login_name, account.password)
  expect((await postJson(t, '/api/session/sms-code', { attemptToken })).statusCode).toBe(200)

  const [email] = await readOutbox(t.db, { channel: 'email', recipient: account.email })
  const [text] = await readOutbox(t.db, { channel: 'sms', recipient: account.mobile_phone ?? '' })
  const linkMatch = /(https?:\/\/\S+\/wachtwoord-instellen#([\w-]{43}))/.exec(email?.body_text ?? '')
  const codeMatch = /\d{4}-(\d{6})/.exec(text?.body_text ?? '')
  if (!linkMatch?.[1] || !linkMatch[2] || !codeMatch?.[1]) throw new Error('no link or code queued')
  link = { url: linkMatch[1], token: rememberSecret(linkMatch[2]) }
  sms = { code: rememberSecret(codeMatch[1]), attemptToken }
})
afterAll(() => t.close())

describe('security property 34: no secret that works is stored readable', () => {
  it('property 34: a queued e-mail or SMS is only ciphertext in the table; no table holds the link or the code', async () => {
    const rows = await t.db.selectFrom('outbox_message').selectAll().execute()
    expect(rows.map((row) => [row.channel, row.status])).toEqual([
      ['email', 'pending'],
      ['sms', 'pending'],
    ])
    for (const row of rows) {
      // AES-256-GCM as FieldCipher stores it: version 1, 12-byte nonce, 16-byte tag, ciphertext.
      expect(row.payload).toBeInstanceOf(Buffer)
      expect(row.payload?.[0]).toBe(1)
      expect(row.payload?.length).toBeGreaterThan(29 + 20)
      expect(row.payload?.toString('utf8')).not.toMatch(/inlogcode|wachtwoord/i)
    }
    const dump = await wholeDatabaseAsText(t.db)
    expectAbsent(dump, link.token)
    expectAbsent(dump, link.url)
    expectAbsent(dump, sms.code)
  })

  it('property 34: once delivered, the recipients have the link and the code and the table has neither, not even encrypted', async () => {
    const recorder = recordingTransports()
    const now = () => new Date()
    expect(await deliverDueMessages(t.db, { clock: now, transports: recorder.transports, log: { debug() {}, info() {}, warn() {}, error() {} }, batchSize: 10 })).toBe(2)
    expect(recorder.emails[0]?.text).toContain(link.url)
    expect(recorder.sms[0]?.text).toContain(sms.code)

    const rows = await t.db.selectFrom('outbox_message').select(['channel', 'recipient', 'subject', 'status', 'payload', 'sent_at']).orderBy('id').execute()
    expect(rows).toMatchObject([
      { channel: 'email', recipient: account.email, subject: 'Nieuw wachtwoord voor het cliëntportaal', status: 'sent', payload: null },
      { channel: 'sms', recipient: account.mobile_phone, status: 'sent', payload: null },
    ])
    expect(rows.every((row) => row.sent_at instanceof Date)).toBe(true)
    expect((await readOutbox(t.db)).map((message) => message.body_text)).toEqual(['', ''])
    const dump = await wholeDatabaseAsText(t.db)
    expectAbsent(dump, link.token)
    expectAbsent(dump, sms.code)
  })

  it('property 34: what the tables hold in place of the link token and the login attempt does not work', async () => {
    const stored = await t.db.selectFrom('password_token').select('token_hash').where('account_id', '=', account.id).executeTakeFirstOrThrow()
    for (const guess of [stored.token_hash.toString('base64url'), stored.token_hash.toString('hex')]) {
      const res = await postJson(t, '/api/password/set', { token: guess, password: rememberSecret('een lange zin over de rivier bij nacht') })
      expect(res.statusCode, guess).not.toBe(200)
    }
    const attempt = await t.db.selectFrom('login_attempt').select('token_hash').where('account_id', '=', account.id).executeTakeFirstOrThrow()
    // Even with the right code (which the table does not hold), the stored hash is no attempt token.
    const withHash = await postJson(t, '/api/session/verify', { attemptToken: attempt.token_hash.toString('base64url'), method: 'sms', code: sms.code })
    expect(withHash.statusCode).not.toBe(200)
    expect(withHash.cookies).toHaveLength(0)

    // The real secrets, as the recipient has them, do work: the refusals above were about the values.
    const verified = await postJson(t, '/api/session/verify', { attemptToken: sms.attemptToken, method: 'sms', code: sms.code })
    expect(verified.statusCode, verified.body).toBe(200)
    const set = await postJson(t, '/api/password/set', { token: link.token, password: rememberSecret('een lange zin over de rivier bij nacht') })
    expect(set.statusCode, set.body).toBe(200)
  })
})
