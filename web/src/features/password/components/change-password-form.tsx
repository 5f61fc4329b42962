import { type FormEvent, useRef, useState } from 'react'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import type { MessageKey } from '@/i18n/nl.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { ApiError } from '@/lib/api-client.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { useChangePassword } from '../api/change-password.ts'
import { type PasswordPerson, usePasswordProblems } from '@/lib/use-password-problems.ts'
import { NewPasswordFields } from '@/components/password/new-password-fields.tsx'
import { type NewPasswordErrors, type NewPasswordValues, validateNewPassword } from '@/components/password/new-password-validation.ts'
import './password-form.css'

type ChangePasswordFormProps = {
  person: PasswordPerson
  onChanged: () => void
}

/** "Wijzig wachtwoord" as in the Topaz manual: Huidig wachtwoord, Nieuw wachtwoord, Bevestig wachtwoord. */
export function ChangePasswordForm({ person, onChanged }: ChangePasswordFormProps) {
  const t = useT()
  const [language] = useLanguage()
  const change = useChangePassword()
  const [current, setCurrent] = useState('')
  const [currentError, setCurrentError] = useState<MessageKey | null>(null)
  const [values, setValues] = useState<NewPasswordValues>({ password: '', confirm: '' })
  const [errors, setErrors] = useState<NewPasswordErrors>({})
  const [serverProblems, setServerProblems] = useState<readonly string[]>([])
  const currentRef = useRef<HTMLInputElement>(null)
  const passwordRef = useRef<HTMLInputElement>(null)
  const confirmRef = useRef<HTMLInputElement>(null)
  const { problems, policy, checking } = usePasswordProblems(values.password, person)

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (change.isPending) return
    const missingCurrent: MessageKey | null = current === '' ? 'password.currentRequired' : null
    const found = validateNewPassword(values, problems)
    setCurrentError(missingCurrent)
    setErrors(found)
    if (missingCurrent) return currentRef.current?.focus()
    if (found.password) return passwordRef.current?.focus()
    if (found.confirm) return confirmRef.current?.focus()
    change.mutate(
      { currentPassword: current, newPassword: values.password },
      {
        onSuccess: onChanged,
        onError: (error) => {
          if (!(error instanceof ApiError)) return
          if (error.code === 'wrong_current_password') {
            setCurrentError('password.currentWrong')
            currentRef.current?.focus()
          } else if (error.code === 'password_rejected') {
            setServerProblems(error.passwordProblems)
            setErrors({ password: 'password.notAccepted' })
            passwordRef.current?.focus()
          }
        },
      },
    )
  }

  const changeValues = (next: NewPasswordValues) => {
    if (next.password !== values.password) setServerProblems([])
    setValues(next)
    const now = validateNewPassword(next, problems)
    setErrors((shown) => ({ password: shown.password && now.password ? shown.password : undefined, confirm: shown.confirm && now.confirm ? now.confirm : undefined }))
  }

  // A wrong current password is said at the field; other failures above the form.
  const showAlert = change.isError && !(change.error instanceof ApiError && ['wrong_current_password'].includes(change.error.code))

  return (
    <form className="password-form" noValidate onSubmit={onSubmit}>
      {showAlert ? (
        <Alert>
          <p>{errorMessage(change.error, language)}</p>
        </Alert>
      ) : null}
      <TextField
        id="huidig-wachtwoord"
        type="password"
        label={t('password.current')}
        autoComplete="current-password"
        required
        value={current}
        onChange={(event) => {
          setCurrent(event.target.value)
          if (currentError && event.target.value !== '') setCurrentError(null)
        }}
        error={currentError ? t(currentError) : undefined}
        inputRef={currentRef}
      />
      <NewPasswordFields
        values={values}
        onChange={changeValues}
        errors={errors}
        problems={problems}
        checking={checking}
        policy={policy}
        serverProblems={serverProblems}
        passwordRef={passwordRef}
        confirmRef={confirmRef}
      />
      <div className="password-form__actions">
        <Button type="submit" aria-disabled={change.isPending || undefined}>
          {t('changePassword.submit')}
        </Button>
      </div>
      <p role="status" className="password-form__pending">
        {change.isPending ? t('changePassword.pending') : ''}
      </p>
    </form>
  )
}
