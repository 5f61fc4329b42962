import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import type { RecoveryCodes, TotpEnrolment } from '@shared/schemas/profile.ts'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { ApiError } from '@/lib/api-client.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { useConfirmTotp } from '../api/confirm-totp.ts'

type TotpEnrolmentStepsProps = {
  enrolment: TotpEnrolment
  onEnrolled: (codes: RecoveryCodes['codes']) => void
  onStartAgain: () => void
  onCancel: () => void
}

/**
 * Two steps: scan the QR code the server drew (or type the key, in groups of four), then
 * type the first code the app shows. A wrong code can be typed again; an expired setup
 * starts again.
 */
export function TotpEnrolmentSteps({ enrolment, onEnrolled, onStartAgain, onCancel }: TotpEnrolmentStepsProps) {
  const t = useT()
  const [language] = useLanguage()
  const id = useId()
  const confirm = useConfirmTotp()
  const [code, setCode] = useState('')
  const [missing, setMissing] = useState(false)
  const stepRef = useRef<HTMLParagraphElement>(null)
  const codeRef = useRef<HTMLInputElement>(null)

  useEffect(() => stepRef.current?.focus(), [])

  const expired = confirm.error instanceof ApiError && confirm.error.code === 'enrolment_expired'
  const wrongCode = confirm.error instanceof ApiError && (confirm.error.code === 'wrong_code' || confirm.error.code === 'validation_failed')

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (confirm.isPending) return
    const digits = code.replace(/\s/g, '')
    if (digits === '') {
      setMissing(true)
      codeRef.current?.focus()
      return
    }
    confirm.mutate({ code: digits }, { onSuccess: ({ codes }) => onEnrolled(codes), onError: () => codeRef.current?.focus() })
  }

  const codeError = missing ? t('profile.totp.codeRequired') : wrongCode ? errorMessage(confirm.error, language) : undefined

  return (
    <div className="totp-steps">
      <p ref={stepRef} tabIndex={-1}>
        {t('profile.totp.step1')}
      </p>
      <img className="totp-steps__qr" src={enrolment.qrCodeDataUrl} alt={t('profile.totp.qrAlt')} width={220} height={220} />
      <p>{t('profile.totp.step1Manual')}</p>
      <p className="totp-steps__secret">
        <span className="visually-hidden">{t('profile.totp.secretLabel')}: </span>
        <code>{enrolment.secretGroups.join(' ')}</code>
      </p>
      <p className="totp-steps__open">
        <a href={enrolment.otpauthUri}>{t('profile.totp.openInApp')}</a>
      </p>
      <form className="profile-form" noValidate onSubmit={onSubmit} aria-labelledby={`${id}-step2`}>
        <p id={`${id}-step2`}>{t('profile.totp.step2')}</p>
        {confirm.isError && !wrongCode ? (
          <Alert>
            <p>{errorMessage(confirm.error, language)}</p>
          </Alert>
        ) : null}
        <TextField
          id={`${id}-code`}
          label={t('profile.totp.code')}
          className="totp-steps__code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={20}
          value={code}
          onChange={(event) => {
            setCode(event.target.value)
            setMissing(false)
            if (confirm.isError) confirm.reset()
          }}
          error={codeError}
          inputRef={codeRef}
        />
        <div className="profile-actions">
          {expired ? (
            <Button onClick={onStartAgain}>{t('profile.totp.startAgain')}</Button>
          ) : (
            <Button type="submit" aria-disabled={confirm.isPending || undefined}>
              {t('profile.totp.confirm')}
            </Button>
          )}
          <Button variant="secondary" onClick={onCancel}>
            {t('profile.totp.cancel')}
          </Button>
        </div>
      </form>
    </div>
  )
}
