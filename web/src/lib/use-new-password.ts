import { useRef, useState } from 'react'
import { type NewPasswordErrors, type NewPasswordValues, validateNewPassword } from '@/components/password/new-password-validation.ts'
import { type PasswordPerson, usePasswordProblems } from './use-password-problems.ts'

/**
 * The state of "Nieuw wachtwoord" and "Bevestig wachtwoord" in every form that makes a
 * password (welcome link, forced change, profile): the live rule, errors that go away once
 * fixed (new ones only at the next submit), and what the server refused. `fields` goes to
 * `NewPasswordFields` as it is.
 */
export function useNewPassword(person: PasswordPerson | null) {
  const [values, setValues] = useState<NewPasswordValues>({ password: '', confirm: '' })
  const [errors, setErrors] = useState<NewPasswordErrors>({})
  const [serverProblems, setServerProblems] = useState<readonly string[]>([])
  const passwordRef = useRef<HTMLInputElement>(null)
  const confirmRef = useRef<HTMLInputElement>(null)
  const { problems, policy, checking } = usePasswordProblems(values.password, person)

  const onChange = (next: NewPasswordValues) => {
    if (next.password !== values.password) setServerProblems([])
    setValues(next)
    const now = validateNewPassword(next, problems)
    setErrors((shown) => ({ password: shown.password && now.password ? shown.password : undefined, confirm: shown.confirm && now.confirm ? now.confirm : undefined }))
  }

  /** The checks before sending, said at the fields; with `focus`, the first wrong field gets it. True when it may go. */
  const check = ({ focus }: { focus: boolean }): boolean => {
    const found = validateNewPassword(values, problems)
    setErrors(found)
    if (focus && found.password) passwordRef.current?.focus()
    else if (focus && found.confirm) confirmRef.current?.focus()
    return !found.password && !found.confirm
  }

  /** The server refused the password (`password_rejected`): its reasons at the rules, focus on the field. */
  const refuse = (passwordProblems: readonly string[]) => {
    setServerProblems(passwordProblems)
    setErrors({ password: 'password.notAccepted' })
    passwordRef.current?.focus()
  }

  return {
    password: values.password,
    check,
    refuse,
    fields: { values, onChange, errors, problems, checking, policy, serverProblems, passwordRef, confirmRef },
  }
}
