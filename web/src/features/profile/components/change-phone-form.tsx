import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { Button } from '@/components/ui/button.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import { useT } from '@/i18n/use-t.ts'
import { ApiError } from '@/lib/api-client.ts'
import { useChangeMobilePhone } from '../api/change-mobile-phone.ts'
import { ChangeError } from './change-error.tsx'

/** As ChangeMobilePhoneRequest (TypeBox keeps maxLength at runtime but does not type it). */
const MAX_LENGTH = 30

/** A new mobile number for the SMS codes. The server checks it and e-mails the person about the change. */
export function ChangePhoneForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const t = useT()
  const id = useId()
  const change = useChangeMobilePhone()
  const [value, setValue] = useState('')
  const [missing, setMissing] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)

  useEffect(() => inputRef.current?.focus(), [])

  const send = () => change.mutate({ mobilePhone: value.trim() }, { onSuccess: onDone })

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (change.isPending) return
    if (value.trim() === '') {
      setMissing(true)
      inputRef.current?.focus()
      return
    }
    send()
  }

  // A refused number is the field's own error; other failures show above the form.
  const phoneInvalid = change.error instanceof ApiError && (change.error.code === 'phone_invalid' || change.error.code === 'validation_failed')
  const fieldError = missing ? t('profile.phone.required') : phoneInvalid && change.error ? change.error.message : undefined

  return (
    <div className="profile-subform">
      <form className="profile-form" noValidate onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`}>{t('profile.phone.change')}</h3>
        <p>{t('profile.phone.intro')}</p>
        <TextField
          id={`${id}-phone`}
          type="tel"
          label={t('profile.phone.label')}
          autoComplete="tel"
          inputMode="tel"
          maxLength={MAX_LENGTH}
          // TextField links its own error; the hint is linked as well.
          aria-describedby={fieldError ? `${id}-phone-fout ${id}-hint` : `${id}-hint`}
          value={value}
          onChange={(event) => {
            setValue(event.target.value)
            setMissing(false)
          }}
          error={fieldError}
          inputRef={inputRef}
        />
        <p id={`${id}-hint`} className="profile-muted">
          {t('profile.phone.hint')}
        </p>
        <div className="profile-actions">
          <Button type="submit" aria-disabled={change.isPending || undefined}>
            {t('profile.phone.save')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('profile.phone.cancel')}
          </Button>
        </div>
      </form>
      {change.isError && !phoneInvalid ? <ChangeError error={change.error} onRetry={send} onCancel={() => change.reset()} /> : null}
    </div>
  )
}
