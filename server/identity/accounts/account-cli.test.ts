import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCommand } from '../../platform/command-line.ts'
import { createFieldCipher } from '../../platform/crypto/field-encryption.ts'
import { withOutboxSecrets } from '../../platform/outbox/outbox-secrets.ts'
import { readOutbox } from '../../platform/outbox/outbox.test-support.ts'
import { createTestDatabase } from '../../test/test-database.ts'
import { createOrganisation } from '../../test/factories.ts'
import { accountCommand } from './account-cli.ts'

// The e-mail is queued encrypted with the configured key; the test reads it back with the same.
const key = randomBytes(32)
let database: Awaited<ReturnType<typeof createTestDatabase>>
beforeAll(async () => {
  database = await createTestDatabase()
  await createOrganisation(database.db)
})
afterAll(() => database.close())

async function run(argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const exitCode = await runCommand(accountCommand, argv, {
    env: { NODE_ENV: 'test', EMBEDDED_DATA_DIR: 'memory://', DATA_ENCRYPTION_KEY: key.toString('base64'), PUBLIC_BASE_URL: 'https://portaal.zorg.example' },
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    // The file's database, left open for the next test.
    openDatabase: async () => ({ ...database, close: async () => {} }),
  })
  return { exitCode, stdout: out.join(''), stderr: err.join('') }
}

const person = (login: string) => ['--kind', 'portal', '--login-name', login, '--name', 'Jan Jansen', '--email', `${login}@example.org`, '--phone', '06 1234 5678']

describe('npm run account:create, start to end', () => {
  it('creates the account and says the welcome e-mail is queued', async () => {
    const result = await run(person('cli.mail'))
    expect(result).toEqual({ exitCode: 0, stdout: 'Account "cli.mail" created.\nA welcome e-mail with a link to create a password is queued for cli.mail@example.org.\n', stderr: '' })
    const mails = await readOutbox(withOutboxSecrets(database.db, createFieldCipher(key), { keepDelivered: false }), { recipient: 'cli.mail@example.org' })
    expect(mails).toHaveLength(1)
    expect(mails[0]?.body_text).toContain('https://portaal.zorg.example/wachtwoord-instellen#')
  })

  it('prints a temporary password once, to hand over in person', async () => {
    const result = await run([...person('cli.temp'), '--temporary-password'])
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toMatch(/^Account "cli\.temp" created\.\nTemporary password \(shown only now; hand it over in person\):\n\n {2}\S{12,}\n\nAt the first login the person must choose a new password\.\n$/)
  })

  it('records the person\'s own BSN with --bsn: encrypted, found by its look-up hash, never printed; a BSN failing the 11-proef is refused', async () => {
    const result = await run([...person('cli.digid'), '--bsn', '999990019'])
    expect(result.exitCode, result.stderr).toBe(0)
    expect(result.stdout).not.toContain('999990019')
    const cipher = createFieldCipher(key)
    const row = await database.db.selectFrom('account').select(['bsn_encrypted', 'bsn_lookup']).where('login_name', '=', 'cli.digid').executeTakeFirstOrThrow()
    expect(row.bsn_lookup?.equals(cipher.lookupHash('999990019'))).toBe(true)
    expect(cipher.decrypt(row.bsn_encrypted!)).toBe('999990019')
    expect(row.bsn_encrypted!.includes(Buffer.from('999990019'))).toBe(false)

    const refused = await run([...person('cli.digid2'), '--bsn', '999990018'])
    expect(refused.exitCode).toBe(1)
    expect(refused.stderr).toMatch(/11-test/)
    expect(refused.stderr).not.toContain('999990018')
  })

  it('says why it created nothing: exit code 1', async () => {
    const result = await run(person('cli.mail'))
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^Not created: .+\.\n$/)
  })
})
