import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { Alert } from '@/components/ui/alert.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import type { MessageKey } from '@/i18n/nl.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { ApiError } from '@/lib/api-client.ts'
import { errorMessage } from '@/lib/error-message.ts'
import type { PasswordPerson } from '@/lib/use-password-problems.ts'
import { useNewPassword } from '@/lib/use-new-password.ts'
import { NewPasswordFields } from './new-password-fields.tsx'

export type ChangePasswordRequest = { currentPassword: string; newPassword: string }
/** How a side sends the change: its mutation's `mutate`, so the form hears of a refusal. */
export type SubmitPasswordChange = (request: ChangePasswordRequest, outcome: { onSuccess: () => void; onError: (error: unknown) => void }) => void

/**
 * "Wachtwoord wijzigen" as in the Topaz manual: Huidig wachtwoord, Nieuw wachtwoord, Bevestig
 * wachtwoord, with live feedback on the new one from the rule the server uses. A wrong current
 * password is said at its field (and a refused new one at the rules); other failures above the
 * form. The forced change after login and the profile each send it their own way.
 */
export function ChangePasswordForm({
  person,
  pending,
  error,
  onSubmit,
  onChanged,
  title,
  focusOnOpen = false,
  alertLeavesOut,
  actions,
  classNames,
}: {
  person: PasswordPerson
  pending: boolean
  /** The last attempt's failure, if any. */
  error: unknown
  onSubmit: SubmitPasswordChange
  onChanged: () => void
  /** A heading that names the form (in the profile, where it opens in place). */
  title?: string
  /** Focus the current password when the form appears (it opened from a button). */
  focusOnOpen?: boolean
  /** Error codes said at a field rather than in the alert above the form. */
  alertLeavesOut: readonly string[]
  /** The submit button and, where there is one, cancel. */
  actions: ReactNode
  classNames: { form: string; actions: string; pending: string }
}) {
  const t = useT()
  const [language] = useLanguage()
  const id = useId()
  const [current, setCurrent] = useState('')
  const [currentError, setCurrentError] = useState<MessageKey | null>(null)
  const currentRef = useRef<HTMLInputElement>(null)
  const newPassword = useNewPassword(person)

  useEffect(() => {
    if (focusOnOpen) currentRef.current?.focus()
  }, [focusOnOpen])

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (pending) return
    const missingCurrent: MessageKey | null = current === '' ? 'password.currentRequired' : null
    setCurrentError(missingCurrent)
    const ready = newPassword.check({ focus: !missingCurrent })
    if (missingCurrent) return currentRef.current?.focus()
    if (!ready) return
    onSubmit(
      { currentPassword: current, newPassword: newPassword.password },
      {
        onSuccess: onChanged,
        onError: (failure) => {
          if (!(failure instanceof ApiError)) return
          if (failure.code === 'wrong_current_password') {
            setCurrentError('password.currentWrong')
            currentRef.current?.focus()
          } else if (failure.code === 'password_rejected') {
            newPassword.refuse(failure.passwordProblems)
          }
        },
      },
    )
  }

  const showAlert = Boolean(error) && !(error instanceof ApiError && alertLeavesOut.includes(error.code))

  return (
    <form className={classNames.form} noValidate onSubmit={submit} aria-labelledby={title ? `${id}-title` : undefined}>
      {title ? <h3 id={`${id}-title`}>{title}</h3> : null}
      {showAlert ? (
        <Alert>
          <p>{errorMessage(error, language)}</p>
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
      <NewPasswordFields {...newPassword.fields} />
      <div className={classNames.actions}>{actions}</div>
      <p role="status" className={classNames.pending}>
        {pending ? t('changePassword.pending') : ''}
      </p>
    </form>
  )
}
