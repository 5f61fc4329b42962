import type { checkPassword } from '../../../shared/password-policy.ts'

/**
 * The password rule (shared/password-policy.ts), loaded on first use: its zxcvbn dictionaries
 * (Dutch, English, common passwords) cost about 50 MiB of memory and a second of start-up,
 * and only a password change or a new account needs them. The import is cached after the first call.
 */
export async function passwordChecker(): Promise<typeof checkPassword> {
  return (await import('../../../shared/password-policy.ts')).checkPassword
}
