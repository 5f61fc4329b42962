import { type FormEvent, useEffect, useRef, useState } from 'react'
import { Link } from 'react-router'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { useRequestPasswordLink } from '../api/request-password-link.ts'
import './password-form.css'

/**
 * "Wachtwoord vergeten?" and "Wachtwoord opvragen": asks for the username or the e-mail address
 * (someone who forgot the one still knows the other) and always gives the same answer, so the
 * page never tells whether an account exists.
 */
export function ForgotPasswordForm() {
  const t = useT()
  const [language] = useLanguage()
  const request = useRequestPasswordLink()
  const [loginName, setLoginName] = useState('')
  const [missing, setMissing] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)
  const doneRef = useRef<HTMLParagraphElement>(null)

  useEffect(() => {
    if (request.isSuccess) doneRef.current?.focus()
  }, [request.isSuccess])

  if (request.isSuccess) {
    return (
      <div className="password-form__done">
        <p ref={doneRef} tabIndex={-1}>
          {t('forgotPassword.done')}
        </p>
        <p>{t('forgotPassword.noEmail')}</p>
        <p>
          <Link to="/inloggen">{t('forgotPassword.back')}</Link>
        </p>
      </div>
    )
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (request.isPending) return
    const name = loginName.trim()
    setMissing(name === '')
    if (name === '') return inputRef.current?.focus()
    request.mutate(name)
  }

  return (
    <form className="password-form" noValidate onSubmit={onSubmit}>
      {request.isError ? (
        <Alert>
          <p>{errorMessage(request.error, language)}</p>
        </Alert>
      ) : null}
      <p>{t('forgotPassword.intro')}</p>
      <TextField
        id="gebruikersnaam"
        label={t('forgotPassword.loginNameOrEmail')}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        maxLength={200}
        value={loginName}
        onChange={(event) => {
          setLoginName(event.target.value)
          if (missing && event.target.value.trim() !== '') setMissing(false)
        }}
        error={missing ? t('forgotPassword.required') : undefined}
        inputRef={inputRef}
      />
      <div className="password-form__actions">
        <Button type="submit" aria-disabled={request.isPending || undefined}>
          {t('forgotPassword.submit')}
        </Button>
        <Link to="/inloggen">{t('forgotPassword.back')}</Link>
      </div>
      <p role="status" className="password-form__pending">
        {request.isPending ? t('forgotPassword.pending') : ''}
      </p>
    </form>
  )
}
