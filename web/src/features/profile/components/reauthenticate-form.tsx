import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { useReauthenticate } from '../api/reauthenticate.ts'
import './reauthenticate-form.css'

type ReauthenticateFormProps = {
  /** Called after the password was accepted: repeat the change that asked for it. */
  onConfirmed: () => void
  onCancel: () => void
}

/**
 * Asked inline when the server answers `reauthentication_required`: the password once more,
 * then the change the person was making goes ahead by itself. Not a <form> inside the
 * section's form: it is rendered instead of the section's own error.
 */
export function ReauthenticateForm({ onConfirmed, onCancel }: ReauthenticateFormProps) {
  const t = useT()
  const [language] = useLanguage()
  const id = useId()
  const reauthenticate = useReauthenticate()
  const [password, setPassword] = useState('')
  const [missing, setMissing] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)

  // The question appears where the person was working; they start typing at once.
  useEffect(() => inputRef.current?.focus(), [])

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (reauthenticate.isPending) return
    if (password === '') {
      setMissing(true)
      inputRef.current?.focus()
      return
    }
    reauthenticate.mutate({ password }, { onSuccess: onConfirmed })
  }

  return (
    <form className="reauthenticate-form" aria-labelledby={`${id}-title`} noValidate onSubmit={onSubmit}>
      <h3 id={`${id}-title`}>{t('profile.reauth.title')}</h3>
      <p>{t('profile.reauth.intro')}</p>
      {reauthenticate.isError ? (
        <Alert>
          <p>{errorMessage(reauthenticate.error, language)}</p>
        </Alert>
      ) : null}
      <TextField
        id={`${id}-password`}
        type="password"
        label={t('profile.reauth.password')}
        autoComplete="current-password"
        value={password}
        onChange={(event) => {
          setPassword(event.target.value)
          setMissing(false)
        }}
        error={missing ? t('profile.reauth.required') : undefined}
        inputRef={inputRef}
      />
      <div className="profile-actions">
        <Button type="submit" aria-disabled={reauthenticate.isPending || undefined}>
          {t('profile.reauth.confirm')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('profile.reauth.cancel')}
        </Button>
      </div>
    </form>
  )
}
