import type { Kysely, KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely'
import type { FieldCipher } from '../crypto/field-encryption.ts'

/**
 * What the outbox needs to keep message bodies secret: the data key, and whether a delivered
 * body may be kept (encrypted) for the development mailbox.
 *
 * It travels with the database handle as a Kysely plugin that changes no query. Every
 * feature that queues an e-mail or SMS already passes its `db` (or its transaction, which
 * inherits the plugins) to enqueueEmail/enqueueSms, and the outbox worker passes its `db` to
 * the claim; so the key reaches the outbox without threading a cipher through every feature
 * that sends a message. A handle without it cannot queue or deliver anything: the outbox
 * throws rather than store a body in clear text. Open handles with {@link withOutboxSecrets}
 * (server/main.ts, the CLIs, the test app).
 */
export class OutboxSecrets implements KyselyPlugin {
  readonly cipher: FieldCipher
  /** Demo mode only: keep the encrypted body after delivery so the development mailbox can show it. */
  readonly keepDelivered: boolean

  constructor(cipher: FieldCipher, options: { keepDelivered: boolean }) {
    this.cipher = cipher
    this.keepDelivered = options.keepDelivered
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result)
  }
}

/** The same database handle, now able to queue and deliver e-mail and SMS. */
export function withOutboxSecrets<DB>(db: Kysely<DB>, cipher: FieldCipher, options: { keepDelivered: boolean }): Kysely<DB> {
  return db.withPlugin(new OutboxSecrets(cipher, options))
}

/** The outbox secrets this handle carries (the last ones attached win); throws when there are none. */
export function outboxSecretsOf(db: Pick<Kysely<never>, 'getExecutor'>): OutboxSecrets {
  const found = db
    .getExecutor()
    .plugins.filter((plugin): plugin is OutboxSecrets => plugin instanceof OutboxSecrets)
    .at(-1)
  if (!found) throw new Error('outbox: this database handle has no data key; open it with withOutboxSecrets()')
  return found
}

/** The body of an e-mail or SMS, as stored: one AES-256-GCM ciphertext (FieldCipher) of this JSON. */
export interface OutboxPayload {
  text: string
  html: string | null
}

export function encryptPayload(secrets: OutboxSecrets, payload: OutboxPayload): Buffer {
  return secrets.cipher.encrypt(JSON.stringify({ text: payload.text, html: payload.html }))
}

export function decryptPayload(secrets: OutboxSecrets, stored: Buffer): OutboxPayload {
  const parsed = JSON.parse(secrets.cipher.decrypt(stored)) as { text?: unknown; html?: unknown }
  return { text: typeof parsed.text === 'string' ? parsed.text : '', html: typeof parsed.html === 'string' ? parsed.html : null }
}
