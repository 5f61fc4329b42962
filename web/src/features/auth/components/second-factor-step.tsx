import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import type { LoginChallenge, SmsCodeSent } from '@shared/schemas/auth.ts'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import type { MessageKey } from '@/i18n/nl.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { ApiError } from '@/lib/api-client.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { useRequestSmsCode } from '../api/request-sms-code.ts'
import { useVerifyLogin } from '../api/verify-login.ts'
import { CodeInput } from './code-input.tsx'
import { codeProblem, type Method } from './second-factor-code.ts'
import './second-factor-step.css'

type SecondFactorStepProps = {
  challenge: LoginChallenge
  /** The login attempt ran out (10 minutes) or is unknown: start again from the password. */
  onExpired: () => void
  onStartOver: () => void
}

/**
 * Step two of logging in. With SMS: "SMS-inlogcode aanvragen", then the code form with
 * the code's first four digits already there (as in the Topaz manual); with an
 * authenticator app or a recovery code: the code form straight away. A successful code
 * sets the session cookie; the login page then moves on by itself.
 */
export function SecondFactorStep({ challenge, onExpired, onStartOver }: SecondFactorStepProps) {
  const t = useT()
  const [language] = useLanguage()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const codeRef = useRef<HTMLInputElement>(null)
  const headingId = useId()
  const [method, setMethod] = useState<Method>(challenge.methods[0] ?? 'sms')
  const [sms, setSms] = useState<{ sent: SmsCodeSent; again: boolean } | null>(null)
  const [code, setCode] = useState('')
  const [codeError, setCodeError] = useState<MessageKey | null>(null)
  const requestSms = useRequestSmsCode()
  const verify = useVerifyLogin()

  // The step replaced the password form: start reading here.
  useEffect(() => headingRef.current?.focus(), [])
  // A code was sent: the code field (new, or the same one emptied) is where the person goes next.
  useEffect(() => {
    if (sms) codeRef.current?.focus()
  }, [sms])

  const expiredOr = (error: unknown, otherwise: () => void) => {
    if (error instanceof ApiError && error.code === 'login_expired') onExpired()
    else otherwise()
  }

  const askForSms = () => {
    if (requestSms.isPending) return
    verify.reset()
    requestSms.mutate(challenge.attemptToken, {
      onSuccess: (sent) => {
        setSms((previous) => ({ sent, again: previous !== null }))
        setCode('')
        setCodeError(null)
      },
      onError: (error) => expiredOr(error, () => undefined),
    })
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (verify.isPending) return
    const problem = codeProblem(method, code)
    setCodeError(problem)
    if (problem) return codeRef.current?.focus()
    requestSms.reset()
    verify.mutate(
      { attemptToken: challenge.attemptToken, method, code: code.trim() },
      {
        onError: (error) =>
          expiredOr(error, () => {
            if (error instanceof ApiError && (error.code === 'invalid_code' || error.code === 'wrong_code')) codeRef.current?.focus()
          }),
      },
    )
  }

  const chooseMethod = (next: Method) => {
    setMethod(next)
    setCode('')
    setCodeError(null)
    verify.reset()
  }

  // A wrong code belongs to the field; anything else (too many attempts, no connection) above the form.
  const verifyError = verify.error instanceof ApiError && (verify.error.code === 'invalid_code' || verify.error.code === 'wrong_code') ? verify.error : null
  const fieldError = codeError ? t(codeError) : verifyError ? errorMessage(verifyError, language) : undefined
  const generalError = (verify.isError && !verifyError ? verify.error : null) ?? (requestSms.isError ? requestSms.error : null)

  const showCodeForm = method !== 'sms' || sms !== null

  return (
    <section className="second-factor" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('secondFactor.title')}
      </h2>
      <p>{t('secondFactor.intro')}</p>

      {challenge.methods.length > 1 ? (
        <fieldset className="second-factor__methods">
          <legend>{t('secondFactor.chooseMethod')}</legend>
          {challenge.methods.map((option) => (
            <label key={option} className="second-factor__method">
              <input type="radio" name="methode" value={option} checked={method === option} onChange={() => chooseMethod(option)} />
              {t(`secondFactor.method.${option}`)}
            </label>
          ))}
        </fieldset>
      ) : null}

      {generalError ? (
        <Alert>
          <p>{errorMessage(generalError, language)}</p>
        </Alert>
      ) : null}

      {method === 'sms' && sms === null ? (
        <div className="second-factor__sms-request">
          <p>{challenge.phoneEnding ? t('sms.explainEnding', { ending: challenge.phoneEnding }) : t('sms.explain')}</p>
          <Button onClick={askForSms} aria-disabled={requestSms.isPending || undefined}>
            {t('sms.request')}
          </Button>
        </div>
      ) : null}

      {showCodeForm ? (
        <form className="second-factor__form" noValidate onSubmit={onSubmit}>
          {method === 'sms' && sms ? (
            <p className="second-factor__sent">{t(sms.again ? 'sms.resent' : 'sms.sent', { prefix: sms.sent.prefix })}</p>
          ) : null}
          <CodeInput
            id="inlogcode"
            label={method === 'sms' ? t('sms.codeLabel') : method === 'totp' ? t('totp.label') : t('recovery.label')}
            hint={method === 'sms' && sms ? t('sms.codeHint', { prefix: sms.sent.prefix }) : method === 'totp' ? t('totp.hint') : t('recovery.hint')}
            prefix={method === 'sms' ? sms?.sent.prefix : undefined}
            kind={method === 'recovery_code' ? 'text' : 'numeric'}
            value={code}
            onChange={(value) => {
              setCode(value)
              if (codeError && !codeProblem(method, value)) setCodeError(null)
            }}
            error={fieldError}
            inputRef={codeRef}
          />
          <div className="second-factor__actions">
            <Button type="submit" aria-disabled={verify.isPending || undefined}>
              {t('secondFactor.submit')}
            </Button>
            {method === 'sms' ? (
              <Button variant="secondary" onClick={askForSms} aria-disabled={requestSms.isPending || undefined}>
                {t('sms.resend')}
              </Button>
            ) : null}
          </div>
        </form>
      ) : null}

      <p role="status" className="second-factor__pending">
        {verify.isPending ? t('secondFactor.pending') : requestSms.isPending ? t('sms.requestPending') : ''}
      </p>
      <p>
        <button type="button" className="second-factor__start-over" onClick={onStartOver}>
          {t('secondFactor.startOver')}
        </button>
      </p>
    </section>
  )
}
