import type { RefObject } from 'react'
import type { PasswordProblem } from '@shared/password-policy.ts'
import { TextField } from '@/components/ui/text-field.tsx'
import { useT } from '@/i18n/use-t.ts'
import type { PasswordPolicy } from '@/lib/password-policy.ts'
import type { NewPasswordErrors, NewPasswordValues } from './new-password-validation.ts'
import { PasswordRequirements } from './password-requirements.tsx'

type NewPasswordFieldsProps = {
  values: NewPasswordValues
  onChange: (values: NewPasswordValues) => void
  errors: NewPasswordErrors
  problems: readonly PasswordProblem[] | null
  /** The rule is still loading (the default while `problems` is null). */
  checking?: boolean
  policy: PasswordPolicy | undefined
  serverProblems: readonly string[]
  passwordRef: RefObject<HTMLInputElement | null>
  confirmRef: RefObject<HTMLInputElement | null>
}

/** "Nieuw wachtwoord" with its rules right below it, then "Bevestig wachtwoord". Paste is allowed. */
export function NewPasswordFields({ values, onChange, errors, problems, checking, policy, serverProblems, passwordRef, confirmRef }: NewPasswordFieldsProps) {
  const t = useT()
  const rulesId = 'wachtwoord-eisen'
  return (
    <>
      <TextField
        id="nieuw-wachtwoord"
        type="password"
        label={t('password.new')}
        autoComplete="new-password"
        required
        value={values.password}
        onChange={(event) => onChange({ ...values, password: event.target.value })}
        error={errors.password ? t(errors.password) : undefined}
        describedBy={rulesId}
        inputRef={passwordRef}
      />
      <PasswordRequirements id={rulesId} password={values.password} problems={problems} checking={checking ?? problems === null} policy={policy} serverProblems={serverProblems} />
      <TextField
        id="bevestig-wachtwoord"
        type="password"
        label={t('password.confirm')}
        autoComplete="new-password"
        required
        value={values.confirm}
        onChange={(event) => onChange({ ...values, confirm: event.target.value })}
        error={errors.confirm ? t(errors.confirm) : undefined}
        inputRef={confirmRef}
      />
    </>
  )
}
