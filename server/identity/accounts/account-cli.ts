import { defineCommand, parseCommandArguments, runAsMain } from '../../platform/command-line.ts'
import { loadEncryptionKey } from '../../platform/crypto/encryption-key.ts'
import { createFieldCipher } from '../../platform/crypto/field-encryption.ts'
import { withOutboxSecrets } from '../../platform/outbox/outbox-secrets.ts'
import { PASSWORD_LINK_LIFETIME_HOURS } from '../authentication/password.service.ts'
import { createAccount, type NewAccountInput } from './account.service.ts'

/**
 * `npm run account:create` — lets an administrator create an account until the workspace
 * exists. Works on the database the server is configured for (server/platform/command-line.ts).
 */

const USAGE = `Usage: npm run account:create -- --kind portal|staff --login-name NAME --name "FULL NAME"
                              --email ADDRESS --phone NUMBER [--bsn BSN] [--temporary-password]

Creates an account. The person gets an e-mail with a link to create a password (the link
works ${PASSWORD_LINK_LIFETIME_HOURS} hours, once; the e-mail is sent by the running server's outbox worker).

  --kind                portal (a client or representative) or staff
  --login-name          what the person types at "Gebruikersnaam"
  --name                the name the portal shows and greets with
  --email               where the welcome e-mail goes
  --phone               mobile number for the SMS login code, e.g. 06 12345678
  --bsn                 portal accounts: the person's own BSN (from the registration form),
                        so they can log in with DigiD; stored encrypted
  --temporary-password  no e-mail: print a temporary password once, to hand over in person;
                        the person must change it at the first login
  --help                show this text`

export const accountCommand = defineCommand({
  usage: USAGE,
  options: {
    kind: { type: 'string' },
    'login-name': { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
    phone: { type: 'string' },
    bsn: { type: 'string' },
    'temporary-password': { type: 'boolean' },
  },
  required: ['kind', 'login-name', 'name', 'email', 'phone'],
  toInput: (values): NewAccountInput => ({
    kind: values.kind!,
    loginName: values['login-name']!,
    name: values.name!,
    email: values.email!,
    phone: values.phone!,
    temporaryPassword: values['temporary-password'] === true,
    ...(values.bsn !== undefined ? { bsn: values.bsn } : {}),
  }),
  refusal: 'Not created',
  async run(database, config, input) {
    // The welcome e-mail is queued encrypted with the data key, as the server does.
    const cipher = createFieldCipher(loadEncryptionKey(config))
    const db = withOutboxSecrets(database, cipher, { keepDelivered: config.demoMode.on })
    const created = await createAccount(db, config, input, new Date(), cipher)
    // The one place this password appears: returned to the terminal, never through the logger.
    return created.temporaryPassword
      ? `Account "${created.loginName}" created.\nTemporary password (shown only now; hand it over in person):\n\n  ${created.temporaryPassword}\n\nAt the first login the person must choose a new password.\n`
      : `Account "${created.loginName}" created.\nA welcome e-mail with a link to create a password is queued for ${created.email}.\n`
  },
})

/** The options as given; a missing or unknown option is a usage error. */
export function parseAccountArguments(argv: string[]): NewAccountInput | 'help' {
  return parseCommandArguments(accountCommand, argv)
}

await runAsMain(import.meta.url, accountCommand)
