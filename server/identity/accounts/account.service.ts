import { randomInt } from 'node:crypto'
import type { Config } from '../../config.ts'
import type { Db } from '../../platform/db/database.ts'
import type { FieldCipher } from '../../platform/crypto/field-encryption.ts'
import { isValidBsn } from '../../../shared/bsn.ts'
import { conflict, validationFailed } from '../../platform/errors.ts'
import { sendPasswordLink } from '../authentication/password.service.ts'
import { getSecuritySettings } from '../../organisation/settings/organisation.service.ts'
import { insertAccount, loginNameTaken } from './account.repository.ts'
import { hashPassword } from './password-hash.ts'
import { passwordChecker } from './password-checker.ts'

export interface NewAccountInput {
  kind: string
  loginName: string
  name: string
  email: string
  phone: string
  /** Set a temporary password (changed at first login) instead of e-mailing a welcome link. */
  temporaryPassword: boolean
  /** The person's own BSN (from the registration form), for "Inloggen met DigiD"; portal accounts only. */
  bsn?: string
}

export interface ValidNewAccount {
  kind: 'portal' | 'staff'
  loginName: string
  displayName: string
  email: string
  /** International format: +31612345678. */
  mobilePhone: string
  bsn: string | null
}

export interface CreatedAccount {
  id: string
  loginName: string
  email: string
  /** Only with a temporary password: to be handed over once, never stored or logged in plain text. */
  temporaryPassword?: string
}

const LOGIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const E164 = /^\+[1-9]\d{7,14}$/

/** "06 12 34 56 78", "0031 6 …" and "+31 (0)6 …" all become +31612345678. */
export function normalisePhone(phone: string): string {
  const compact = phone.replace(/\(0\)/g, '').replace(/[\s().-]/g, '')
  if (compact.startsWith('00')) return `+${compact.slice(2)}`
  if (/^0[1-9]/.test(compact)) return `+31${compact.slice(1)}`
  return compact
}

/** Checks every field at once; the error's detail lists each problem in plain words. */
export function validateNewAccount(input: NewAccountInput): ValidNewAccount {
  const problems: string[] = []
  const kind = input.kind.trim()
  if (kind !== 'portal' && kind !== 'staff') problems.push(`kind must be "portal" or "staff", not "${kind}"`)
  const loginName = input.loginName.trim()
  if (!LOGIN_NAME.test(loginName)) {
    problems.push('login name must be 3 to 64 letters, digits or . _ @ -, starting with a letter or digit')
  }
  const displayName = input.name.trim().replace(/\s+/g, ' ')
  if (displayName.length === 0 || displayName.length > 200 || /\p{Cc}/u.test(displayName)) problems.push('name must be 1 to 200 characters')
  const email = input.email.trim()
  if (!EMAIL.test(email) || email.length > 254) problems.push(`e-mail address "${email}" is not valid`)
  const mobilePhone = normalisePhone(input.phone)
  if (!E164.test(mobilePhone)) problems.push(`mobile number "${input.phone}" is not valid; write it as 06 12345678 or +31612345678`)
  const bsn = input.bsn === undefined || input.bsn.trim() === '' ? null : input.bsn.replace(/[\s.]/g, '')
  // The problem never repeats the number: this text reaches logs and terminals.
  if (bsn !== null && !isValidBsn(bsn)) problems.push('the BSN must be nine digits that pass the 11-test')
  if (bsn !== null && kind !== 'portal') problems.push('only a portal account (a client or representative) logs in with DigiD; a BSN is for those')
  if (problems.length > 0) throw validationFailed(problems.join('; '))
  return { kind: kind as ValidNewAccount['kind'], loginName, displayName, email, mobilePhone, bsn }
}

// No 0/O, 1/l/I: the password is read off a screen or paper and typed in once.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** Groups of four random characters ("k7Qm-x3Rt-…"), as long as the policy asks and at least 16. */
function randomPassword(minLength: number): string {
  const groups: string[] = []
  while (groups.length < 4 || groups.join('-').length < minLength) {
    groups.push(Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''))
  }
  return groups.join('-')
}

/** A random password that passes the organisation's policy, to be handed over once. */
export async function generateTemporaryPassword(db: Db, person: { loginName: string; displayName: string }): Promise<string> {
  const { passwordPolicy } = await getSecuritySettings(db)
  const checkPassword = await passwordChecker()
  // A random password almost always passes at once; the loop covers the organisation's own
  // rules (composition) and the rare draw that happens to contain a name.
  for (;;) {
    const password = randomPassword(passwordPolicy.minLength)
    if (checkPassword(password, passwordPolicy, { loginName: person.loginName, names: [person.displayName] }).length === 0) return password
  }
}

/**
 * Creates an account for an administrator (until the workspace exists, through the CLI).
 * Either a welcome e-mail with a link to create a password is queued in the same
 * transaction, or a temporary password is set and returned once.
 */
export async function createAccount(
  db: Db,
  config: Pick<Config, 'publicBaseUrl'>,
  input: NewAccountInput,
  now: Date,
  /** Needed only with a BSN, which is stored encrypted. */
  cipher?: FieldCipher,
): Promise<CreatedAccount> {
  const valid = validateNewAccount(input)
  if (valid.bsn !== null && !cipher) throw new Error('createAccount needs the field cipher to store a BSN')
  const temporaryPassword = input.temporaryPassword ? await generateTemporaryPassword(db, valid) : undefined
  const passwordHash = temporaryPassword ? await hashPassword(temporaryPassword) : null
  return db.transaction().execute(async (trx) => {
    if (await loginNameTaken(trx, valid.loginName)) throw conflict(`an account with login name "${valid.loginName}" already exists`)
    const account = await insertAccount(trx, {
      kind: valid.kind,
      login_name: valid.loginName,
      display_name: valid.displayName,
      email: valid.email,
      mobile_phone: valid.mobilePhone,
      // Stored like a client's BSN: encrypted, found by its keyed look-up hash.
      bsn_encrypted: valid.bsn === null || !cipher ? null : cipher.encrypt(valid.bsn),
      bsn_lookup: valid.bsn === null || !cipher ? null : cipher.lookupHash(valid.bsn),
      password_hash: passwordHash,
      password_is_temporary: temporaryPassword !== undefined,
      password_changed_at: temporaryPassword ? now : null,
      created_at: now,
      updated_at: now,
    })
    if (!temporaryPassword) await sendPasswordLink(trx, config, account, 'welcome', now)
    return { id: account.id, loginName: account.login_name, email: account.email, ...(temporaryPassword ? { temporaryPassword } : {}) }
  })
}
