import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from '../../config.ts'
import { loadEncryptionKey } from '../../platform/crypto/encryption-key.ts'
import { createFieldCipher } from '../../platform/crypto/field-encryption.ts'
import { type OpenDatabase, openDatabase } from '../../platform/db/database.ts'
import { migrateToLatest } from '../../platform/db/migrate.ts'
import { AppError } from '../../platform/errors.ts'
import { PASSWORD_LINK_LIFETIME_HOURS } from '../authentication/password.service.ts'
import { withOutboxSecrets } from '../../platform/outbox/outbox-secrets.ts'
import { createAccount, type NewAccountInput } from './account.service.ts'

/**
 * `npm run account:create` — lets an administrator create an account until the workspace
 * exists. Works on the database the server is configured for (DATABASE_URL, or the embedded
 * database, which must not be in use by a running server at the same time).
 * Exit code 0 when created, 1 with a message on stderr otherwise.
 */

const USAGE = `Usage: npm run account:create -- --kind portal|staff --login-name NAME --name "FULL NAME"
                              --email ADDRESS --phone NUMBER [--temporary-password]

Creates an account. The person gets an e-mail with a link to create a password (the link
works ${PASSWORD_LINK_LIFETIME_HOURS} hours, once; the e-mail is sent by the running server's outbox worker).

  --kind                portal (a client or representative) or staff
  --login-name          what the person types at "Gebruikersnaam"
  --name                the name the portal shows and greets with
  --email               where the welcome e-mail goes
  --phone               mobile number for the SMS login code, e.g. 06 12345678
  --temporary-password  no e-mail: print a temporary password once, to hand over in person;
                        the person must change it at the first login
  --help                show this text`

const text = (value: string | boolean | undefined) => (typeof value === 'string' ? value : '')

/** The options as given; a missing or unknown option is a usage error. */
export function parseAccountArguments(argv: string[]): NewAccountInput | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      kind: { type: 'string' },
      'login-name': { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      phone: { type: 'string' },
      'temporary-password': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  })
  if (values.help) return 'help'
  const missing = ['kind', 'login-name', 'name', 'email', 'phone'].filter((key) => !text(values[key as keyof typeof values]).trim())
  if (missing.length > 0) throw new Error(`Missing: ${missing.map((key) => `--${key}`).join(', ')}.`)
  return {
    kind: text(values.kind),
    loginName: text(values['login-name']),
    name: text(values.name),
    email: text(values.email),
    phone: text(values.phone),
    temporaryPassword: values['temporary-password'] === true,
  }
}

async function run(argv: string[]): Promise<number> {
  let input: NewAccountInput | 'help'
  try {
    input = parseAccountArguments(argv)
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
    return 1
  }
  if (input === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }

  let database: OpenDatabase | undefined
  try {
    const config = loadConfig(process.env)
    database = await openDatabase(config.database)
    await migrateToLatest(database.db)
    // The welcome e-mail is queued encrypted with the data key, as the server does.
    const db = withOutboxSecrets(database.db, createFieldCipher(loadEncryptionKey(config)), { keepDelivered: config.demoMode.on })
    const created = await createAccount(db, config, input, new Date())
    // Straight to the terminal, never through the logger: the one place this password appears.
    process.stdout.write(
      created.temporaryPassword
        ? `Account "${created.loginName}" created.\nTemporary password (shown only now; hand it over in person):\n\n  ${created.temporaryPassword}\n\nAt the first login the person must choose a new password.\n`
        : `Account "${created.loginName}" created.\nA welcome e-mail with a link to create a password is queued for ${created.email}.\n`,
    )
    return 0
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message)
    else if (error instanceof AppError && error.code !== 'internal') console.error(`Not created: ${error.detail ?? error.code}.`)
    else console.error(error)
    return 1
  } finally {
    await database?.close()
  }
}

// Only when started as the command, so tests can import the argument parser.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await run(process.argv.slice(2))
