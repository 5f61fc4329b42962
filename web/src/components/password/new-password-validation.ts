import type { PasswordProblem } from '@shared/password-policy.ts'
import type { MessageKey } from '@/i18n/nl.ts'

export type NewPasswordValues = { password: string; confirm: string }
export type NewPasswordErrors = Partial<Record<keyof NewPasswordValues, MessageKey>>

/**
 * The checks before sending: a password that meets the rule (when the rule has loaded;
 * the server checks again anyway) and the same password twice.
 */
export function validateNewPassword(values: NewPasswordValues, problems: readonly PasswordProblem[] | null): NewPasswordErrors {
  const errors: NewPasswordErrors = {}
  if (values.password === '') errors.password = 'password.newRequired'
  else if (problems && problems.length > 0) errors.password = 'password.notAccepted'
  if (values.confirm === '') errors.confirm = 'password.confirmRequired'
  else if (values.password !== '' && values.confirm !== values.password) errors.confirm = 'password.mismatch'
  return errors
}
