import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as en from '@zxcvbn-ts/language-en'
import * as nl from '@zxcvbn-ts/language-nl-be'
import { PASSWORD_MAX_LENGTH } from './password-limits.ts'

/**
 * The password rule (NIST SP 800-63B rev. 4): long enough, not too long, not common or
 * easy to guess, not containing the person's own names. Composition rules only when the
 * organisation switched them on. The same function runs in the browser (feedback while
 * typing) and on the server (the decision).
 */
export interface PasswordPolicy {
  minLength: number
  requireComposition: boolean
}

export { PASSWORD_MAX_LENGTH }

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'contains_name' | 'needs_composition'

const guesser = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...nl.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
})

const commonPasswords = new Set(common.dictionary['passwords-common'].map((p) => p.toLowerCase()))

/** zxcvbn score 3 means at least 10^8 guesses: out of reach of online guessing. */
const MINIMUM_SCORE = 3

/** Returns what is wrong with the password; an empty list means it is accepted. */
export function checkPassword(password: string, policy: PasswordPolicy, person: { loginName: string; names: string[] }): PasswordProblem[] {
  const problems: PasswordProblem[] = []
  const length = [...password].length
  if (length < policy.minLength) problems.push('too_short')
  if (length > PASSWORD_MAX_LENGTH) problems.push('too_long')
  const lower = password.toLowerCase()
  const personal = [person.loginName, ...person.names.flatMap((name) => name.split(/\s+/))]
    .map((part) => part.toLowerCase().trim())
    .filter((part) => part.length >= 3)
  if (personal.some((part) => lower.includes(part))) problems.push('contains_name')
  if (policy.requireComposition && !(/\p{Lu}/u.test(password) && /\p{Ll}/u.test(password) && /[^\p{L}]/u.test(password))) {
    problems.push('needs_composition')
  }
  // Only worth the guess estimate when the length is fine; it is the slowest check.
  if (length >= policy.minLength && length <= PASSWORD_MAX_LENGTH) {
    if (commonPasswords.has(lower) || guesser.check(password, personal).score < MINIMUM_SCORE) problems.push('too_common')
  }
  return problems
}
