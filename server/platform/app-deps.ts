import type { Kysely } from 'kysely'
import type { Config } from '../config.ts'
import type { Clock } from './clock.ts'
import type { FieldCipher } from './crypto/field-encryption.ts'
import type { Database } from './db/schema.ts'

/** What every feature may use; passed explicitly to each feature's routes. */
export interface AppDeps {
  config: Config
  db: Kysely<Database>
  clock: Clock
  cipher: FieldCipher
}
