import { type ChangeEvent, type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react'
import { Link } from 'react-router'
import type { LoginChallenge } from '@shared/schemas/auth.ts'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { ApiError } from '@/lib/api-client.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { useCreateSession } from '../api/create-session.ts'
import { type LoginFieldErrors, type LoginValues, MAX_LENGTH, serverFieldErrors, validateLogin } from './login-fields.ts'
import './login-form.css'

type LoginFormProps = {
  /** The password was right: the second factor is next. */
  onChallenge: (challenge: LoginChallenge, loginName: string) => void
  /** Filled in again when the person comes back from the second step. */
  initialLoginName?: string
  /** A message from before this form, e.g. "logging in took too long". */
  notice?: ReactNode
  /** Loads the second step: started with the request, the right password's answer waits for it. */
  loadNextStep?: () => Promise<unknown>
}

/**
 * Username and password, step one of logging in. The browser checks that both are filled
 * in; everything else is the server's answer, shown as it is (a wrong name and a wrong
 * password get the same message, on purpose).
 */
export function LoginForm({ onChallenge, initialLoginName = '', notice, loadNextStep }: LoginFormProps) {
  const t = useT()
  const [language] = useLanguage()
  const login = useCreateSession(loadNextStep)
  const [values, setValues] = useState<LoginValues>({ loginName: initialLoginName, password: '' })
  const [clientErrors, setClientErrors] = useState<LoginFieldErrors>({})
  const loginNameRef = useRef<HTMLInputElement>(null)
  const passwordRef = useRef<HTMLInputElement>(null)

  // Back from the second step with the name still filled in: the password is what is missing.
  useEffect(() => {
    if (initialLoginName) passwordRef.current?.focus()
  }, [initialLoginName])

  const serverErrors = login.error instanceof ApiError ? serverFieldErrors(login.error.fields) : {}
  const errors: LoginFieldErrors = { ...serverErrors, ...clientErrors }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (login.isPending) return
    const found = validateLogin(values)
    setClientErrors(found)
    if (found.loginName) return loginNameRef.current?.focus()
    if (found.password) return passwordRef.current?.focus()
    const loginName = values.loginName.trim()
    login.mutate({ loginName, password: values.password }, { onSuccess: (challenge) => onChallenge(challenge, loginName) })
  }

  const change = (field: keyof LoginValues) => (event: ChangeEvent<HTMLInputElement>) => {
    const next = { ...values, [field]: event.target.value }
    setValues(next)
    // An error disappears as soon as it is fixed, but a new one only shows on the next submit.
    if (clientErrors[field] && !validateLogin(next)[field]) setClientErrors({ ...clientErrors, [field]: undefined })
  }

  const fieldError = (field: keyof LoginValues) => {
    const key = errors[field]
    return key ? t(key) : undefined
  }

  return (
    <form className="login-form" noValidate onSubmit={onSubmit}>
      {login.isError ? (
        <Alert>
          <p>{errorMessage(login.error, language)}</p>
        </Alert>
      ) : (
        notice
      )}
      <TextField
        id="gebruikersnaam"
        label={t('login.loginName')}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        maxLength={MAX_LENGTH.loginName}
        value={values.loginName}
        onChange={change('loginName')}
        error={fieldError('loginName')}
        inputRef={loginNameRef}
      />
      <TextField
        id="wachtwoord"
        type="password"
        label={t('login.password')}
        autoComplete="current-password"
        required
        maxLength={MAX_LENGTH.password}
        value={values.password}
        onChange={change('password')}
        error={fieldError('password')}
        inputRef={passwordRef}
      />
      <div className="login-form__actions">
        {/* aria-disabled, not disabled: a disabled button drops keyboard focus mid-submit. */}
        <Button type="submit" aria-disabled={login.isPending || undefined}>
          {t('login.submit')}
        </Button>
        <Link to="/wachtwoord-vergeten">{t('login.forgotPassword')}</Link>
      </div>
      {/* The wording people know from other portals, where someone without a password starts. */}
      <p className="login-form__no-password">
        {t('login.noPasswordYet')} <Link to="/wachtwoord-vergeten">{t('login.requestPassword')}</Link>
      </p>
      <p role="status" className="login-form__pending">
        {login.isPending ? t('login.pending') : ''}
      </p>
    </form>
  )
}
