import { useDeferredValue, useMemo } from 'react'
import type { PasswordProblem } from '@shared/password-policy.ts'
import { type PasswordPolicy, usePasswordPolicy } from './password-policy.ts'
import { usePasswordChecker } from './use-password-checker.ts'

export type PasswordPerson = { loginName: string; names: string[] }

/**
 * What the password still lacks, by the organisation's rule, while the person types.
 * `problems` is null until the rule and its dictionaries have loaded (`checking`), or
 * for good when they could not be loaded.
 */
export function usePasswordProblems(
  password: string,
  person: PasswordPerson | null,
): { problems: readonly PasswordProblem[] | null; policy: PasswordPolicy | undefined; checking: boolean } {
  const { checker, failed } = usePasswordChecker(password !== '')
  const { data: policy } = usePasswordPolicy()
  // The guess estimate takes a few milliseconds: typing stays smooth, the list follows.
  const typed = useDeferredValue(password)
  const loginName = person?.loginName ?? ''
  const names = person?.names.join('\n') ?? ''
  const problems = useMemo(() => {
    if (!checker || !policy) return null
    return checker(typed, { minLength: policy.minLength, requireComposition: policy.requireComposition }, { loginName, names: names ? names.split('\n') : [] })
  }, [checker, policy, typed, loginName, names])
  return { problems, policy, checking: problems === null && !failed }
}
