import type { LoginChallenge } from '../../../../shared/schemas/auth.ts'
import type { FieldCipher } from '../../../platform/crypto/field-encryption.ts'
import type { Db } from '../../../platform/db/database.ts'
import { redeemRecoveryCode } from './recovery-code.ts'
import { countUnusedRecoveryCodes, findTotp } from './second-factor.repository.ts'
import { verifyTotpLoginCode } from './totp.ts'

/** The second factors the account can use after its password: SMS, an app, recovery codes. */
export async function loginMethodsOf(db: Db, account: { id: string; mobile_phone: string | null }): Promise<LoginChallenge['methods']> {
  const methods: LoginChallenge['methods'] = []
  if (account.mobile_phone) methods.push('sms')
  const totp = await findTotp(db, account.id)
  if (totp?.confirmed_at) methods.push('totp')
  if ((await countUnusedRecoveryCodes(db, account.id)) > 0) methods.push('recovery_code')
  return methods
}

/**
 * Checks an app code or a recovery code for a login, using it up when it matches.
 * Run in the login transaction, so a code is used up only when the login succeeds.
 */
export async function checkOtherFactorCode(
  db: Db,
  cipher: FieldCipher,
  accountId: string,
  method: 'totp' | 'recovery_code',
  code: string,
  now: Date,
): Promise<boolean> {
  return method === 'totp' ? verifyTotpLoginCode(db, cipher, accountId, code, now) : redeemRecoveryCode(db, accountId, code, now)
}
