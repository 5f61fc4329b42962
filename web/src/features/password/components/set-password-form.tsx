import { type FormEvent, useEffect, useRef } from 'react'
import { Link } from 'react-router'
import type { PasswordTokenInfo } from '@shared/schemas/auth.ts'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { ApiError } from '@/lib/api-client.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { useSetPassword } from '../api/set-password.ts'
import { useNewPassword } from '@/lib/use-new-password.ts'
import { NewPasswordFields } from '@/components/password/new-password-fields.tsx'
import './password-form.css'

type SetPasswordFormProps = {
  token: string
  person: PasswordTokenInfo
  /** The link was used up or ran out while the form was open. */
  onLinkInvalid: () => void
}

/**
 * Creating a password from a welcome or reset link, with the rules checked while typing.
 * Saving does not log the person in: they log in next, with their second factor.
 */
export function SetPasswordForm({ token, person, onLinkInvalid }: SetPasswordFormProps) {
  const t = useT()
  const [language] = useLanguage()
  const save = useSetPassword()
  const doneRef = useRef<HTMLHeadingElement>(null)
  const newPassword = useNewPassword({ loginName: person.loginName, names: [person.displayName] })

  useEffect(() => {
    if (save.isSuccess) doneRef.current?.focus()
  }, [save.isSuccess])

  if (save.isSuccess) {
    return (
      <div className="password-form__done">
        <h2 ref={doneRef} tabIndex={-1}>
          {t('setPassword.doneTitle')}
        </h2>
        <p>{t('setPassword.done')}</p>
        <p>
          <Link to="/inloggen">{t('setPassword.toLogin')}</Link>
        </p>
      </div>
    )
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (save.isPending) return
    if (!newPassword.check({ focus: true })) return
    save.mutate(
      { token, password: newPassword.password },
      {
        onError: (error) => {
          if (!(error instanceof ApiError)) return
          if (error.code === 'token_invalid') return onLinkInvalid()
          if (error.code === 'password_rejected') newPassword.refuse(error.passwordProblems)
        },
      },
    )
  }

  return (
    <form className="password-form" noValidate onSubmit={onSubmit}>
      {save.isError ? (
        <Alert>
          <p>{errorMessage(save.error, language)}</p>
        </Alert>
      ) : null}
      <p>{t('setPassword.loginName', { loginName: person.loginName })}</p>
      <NewPasswordFields {...newPassword.fields} />
      <div className="password-form__actions">
        <Button type="submit" aria-disabled={save.isPending || undefined}>
          {t('setPassword.submit')}
        </Button>
      </div>
      <p role="status" className="password-form__pending">
        {save.isPending ? t('changePassword.pending') : ''}
      </p>
    </form>
  )
}
