import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFieldCipher } from '../../platform/crypto/field-encryption.ts'
import type { OpenDatabase } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors.ts'
import { createOrganisation } from '../../test/factories.ts'
import { rememberSecret } from '../../test/log-capture.ts'
import { createTestDatabase } from '../../test/test-database.ts'
import { withOutboxSecrets } from '../../platform/outbox/outbox-secrets.ts'
import { readOutbox } from '../../platform/outbox/outbox.test-support.ts'
import { parseAccountArguments } from './account-cli.ts'
import { createAccount, type NewAccountInput, normalisePhone } from './account.service.ts'
import { verifyPassword } from './password-hash.ts'

let database: OpenDatabase
beforeAll(async () => {
  const opened = await createTestDatabase()
  database = { ...opened, db: withOutboxSecrets(opened.db, createFieldCipher(randomBytes(32)), { keepDelivered: false }) }
})
afterAll(() => database.close())

const config = { publicBaseUrl: new URL('https://portaal.zorg.example') }
const now = new Date('2026-11-27T09:00:00Z')
let sequence = 0

function input(overrides: Partial<NewAccountInput> = {}): NewAccountInput {
  sequence++
  return { kind: 'portal', loginName: `nieuw.${sequence}`, name: 'Jan Jansen', email: `jan${sequence}@example.org`, phone: '06 1234 5678', temporaryPassword: false, ...overrides }
}

async function accountRow(id: string) {
  return database.db.selectFrom('account').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

async function mailsTo(email: string) {
  return readOutbox(database.db, { recipient: email })
}

describe('creating an account', () => {
  it('stores it without a password and queues a welcome e-mail with a link from the base URL', async () => {
    const created = await createAccount(database.db, config, input({ kind: 'staff', name: '  Jan   Jansen ' }), now)
    expect(created.temporaryPassword).toBeUndefined()
    const row = await accountRow(created.id)
    expect(row).toMatchObject({ kind: 'staff', display_name: 'Jan Jansen', mobile_phone: '+31612345678', password_hash: null, password_is_temporary: false })
    const mails = await mailsTo(created.email)
    expect(mails).toHaveLength(1)
    expect(mails[0]?.subject).toMatch(/^Welkom/)
    const link = /https:\/\/portaal\.zorg\.example\/wachtwoord-instellen#([\w-]{43})/.exec(mails[0]?.body_text ?? '')
    expect(link).not.toBeNull()
    rememberSecret(link?.[1] ?? '')
    const token = await database.db.selectFrom('password_token').select(['purpose', 'expires_at']).where('account_id', '=', created.id).executeTakeFirstOrThrow()
    expect(token.purpose).toBe('welcome')
    expect(token.expires_at.getTime() - now.getTime()).toBe(72 * 3600_000)
  })

  it('with --temporary-password: returns a password once, stores only its argon2id hash, marked temporary, and sends no e-mail', async () => {
    const created = await createAccount(database.db, config, input({ temporaryPassword: true }), now)
    const password = rememberSecret(created.temporaryPassword ?? '')
    expect(password.length).toBeGreaterThanOrEqual(16)
    const row = await accountRow(created.id)
    expect(row.password_is_temporary).toBe(true)
    expect(row.password_hash).toMatch(/^\$argon2id\$/)
    expect(row.password_hash).not.toContain(password)
    expect(await verifyPassword(row.password_hash ?? '', password)).toBe(true)
    expect(await mailsTo(created.email)).toEqual([])
  })

  it("makes the temporary password follow the organisation's policy", async () => {
    await createOrganisation(database.db, { password_min_length: 30, password_require_composition: true })
    try {
      const { temporaryPassword = '' } = await createAccount(database.db, config, input({ temporaryPassword: true }), now)
      rememberSecret(temporaryPassword)
      expect(temporaryPassword.length).toBeGreaterThanOrEqual(30)
      expect(temporaryPassword).toMatch(/[A-Z]/)
      expect(temporaryPassword).toMatch(/[a-z]/)
    } finally {
      await database.db.deleteFrom('organisation').execute()
    }
  })

  it('refuses a login name that exists, in any case', async () => {
    const first = await createAccount(database.db, config, input({ loginName: 'dubbel.naam' }), now)
    const error = await createAccount(database.db, config, input({ loginName: 'Dubbel.Naam' }), now).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('conflict')
    expect((error as AppError).detail).toContain('already exists')
    const rows = await database.db.selectFrom('account').select('id').where('login_name', 'ilike', 'dubbel.naam').execute()
    expect(rows.map((r) => r.id)).toEqual([first.id])
  })

  it('lists every problem with the input at once, and stores nothing', async () => {
    const before = await database.db.selectFrom('account').select('id').execute()
    const error = await createAccount(database.db, config, { kind: 'client', loginName: 'x', name: ' ', email: 'geen-adres', phone: '12345', temporaryPassword: false }, now).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('validation_failed')
    const detail = (error as AppError).detail ?? ''
    for (const part of ['kind', 'login name', 'name must', 'e-mail address', 'mobile number']) expect(detail).toContain(part)
    expect(await database.db.selectFrom('account').select('id').execute()).toEqual(before)
  })
})

describe('phone numbers', () => {
  it('accepts the ways people write a Dutch mobile number', () => {
    for (const written of ['06 12345678', '06-1234 5678', '0031 6 12345678', '+31 (0)6 12345678', '+31612345678']) {
      expect(normalisePhone(written), written).toBe('+31612345678')
    }
  })
})

describe('the command line', () => {
  const full = ['--kind', 'portal', '--login-name', 'a.b', '--name', 'A B', '--email', 'a@b.nl', '--phone', '0612345678']

  it('reads the options', () => {
    expect(parseAccountArguments([...full, '--temporary-password'])).toEqual({ kind: 'portal', loginName: 'a.b', name: 'A B', email: 'a@b.nl', phone: '0612345678', temporaryPassword: true })
    expect(parseAccountArguments(['--help'])).toBe('help')
  })

  it('names the missing options and refuses unknown ones', () => {
    expect(() => parseAccountArguments(['--kind', 'portal'])).toThrow('Missing: --login-name, --name, --email, --phone.')
    expect(() => parseAccountArguments([...full, '--role', 'administrator'])).toThrow(/--role/)
  })
})
