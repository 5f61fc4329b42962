import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import type { Profile } from '@shared/schemas/profile.ts'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
// The rules of a new password and their live feedback look the same wherever a password
// is made (welcome link, forced change, here): shared in components/password and lib.
import { NewPasswordFields } from '@/components/password/new-password-fields.tsx'
import { type NewPasswordErrors, type NewPasswordValues, validateNewPassword } from '@/components/password/new-password-validation.ts'
import { usePasswordProblems } from '@/lib/use-password-problems.ts'
import type { MessageKey } from '@/i18n/nl.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { ApiError } from '@/lib/api-client.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { useChangePassword } from '../api/change-password.ts'

type ChangePasswordFormProps = { profile: Profile; onDone: () => void; onCancel: () => void }

/**
 * "Wachtwoord wijzigen" as in the Topaz manual: Huidig wachtwoord, Nieuw wachtwoord,
 * Bevestig wachtwoord, with live feedback on the new one from the same rule the server uses.
 */
export function ChangePasswordForm({ profile, onDone, onCancel }: ChangePasswordFormProps) {
  const t = useT()
  const [language] = useLanguage()
  const id = useId()
  const change = useChangePassword()
  const [current, setCurrent] = useState('')
  const [currentError, setCurrentError] = useState<MessageKey | null>(null)
  const [values, setValues] = useState<NewPasswordValues>({ password: '', confirm: '' })
  const [errors, setErrors] = useState<NewPasswordErrors>({})
  const [serverProblems, setServerProblems] = useState<readonly string[]>([])
  const currentRef = useRef<HTMLInputElement>(null)
  const passwordRef = useRef<HTMLInputElement>(null)
  const confirmRef = useRef<HTMLInputElement>(null)
  const { problems, policy, checking } = usePasswordProblems(values.password, { loginName: profile.loginName, names: [profile.displayName] })

  useEffect(() => currentRef.current?.focus(), [])

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
        onSuccess: onDone,
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

  // A wrong current password and a refused new one are said at their fields; the rest above the form.
  const showAlert = change.isError && !(change.error instanceof ApiError && ['wrong_current_password', 'password_rejected'].includes(change.error.code))

  return (
    <form className="profile-form" noValidate onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('profile.password.open')}</h3>
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
      <div className="profile-actions">
        <Button type="submit" aria-disabled={change.isPending || undefined}>
          {t('profile.password.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('profile.password.cancel')}
        </Button>
      </div>
      <p role="status" className="profile-pending">
        {change.isPending ? t('changePassword.pending') : ''}
      </p>
    </form>
  )
}
