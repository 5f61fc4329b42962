import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useRef, useState } from 'react'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { Checkbox } from '@/components/ui/checkbox.tsx'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { ApiError } from '@/lib/api-client.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { useAcceptTerms } from '../api/accept-terms.ts'
import { TERMS_QUERY_KEY } from '../api/get-terms.ts'
import './accept-terms-form.css'

/**
 * The tick and the button of the Saffier FAQ: "Ik ga akkoord met de gebruikersvoorwaarden"
 * and "Ik ga akkoord met de voorwaarden". The button always works; without the tick it
 * says what is missing, instead of staying grey without saying why.
 */
export function AcceptTermsForm({ version, onAccepted }: { version: number; onAccepted: () => void }) {
  const t = useT()
  const [language] = useLanguage()
  const queryClient = useQueryClient()
  const accept = useAcceptTerms()
  const [checked, setChecked] = useState(false)
  const [missing, setMissing] = useState(false)
  const checkboxRef = useRef<HTMLInputElement>(null)

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (accept.isPending) return
    setMissing(!checked)
    if (!checked) return checkboxRef.current?.focus()
    accept.mutate(version, {
      onSuccess: onAccepted,
      onError: (error) => {
        // A new version came out while reading: show it, and ask again.
        if (error instanceof ApiError && error.code === 'conflict') {
          setChecked(false)
          void queryClient.invalidateQueries({ queryKey: TERMS_QUERY_KEY })
        }
      },
    })
  }

  const changed = accept.error instanceof ApiError && accept.error.code === 'conflict'

  return (
    <form className="accept-terms" noValidate onSubmit={onSubmit}>
      {accept.isError ? (
        <Alert>
          <p>{changed ? t('terms.changed') : errorMessage(accept.error, language)}</p>
        </Alert>
      ) : null}
      <Checkbox
        id="akkoord"
        label={t('terms.checkbox')}
        checked={checked}
        onChange={(event) => {
          setChecked(event.target.checked)
          if (event.target.checked) setMissing(false)
        }}
        error={missing ? t('terms.checkboxRequired') : undefined}
        inputRef={checkboxRef}
      />
      <div>
        <Button type="submit" aria-disabled={accept.isPending || undefined}>
          {t('terms.accept')}
        </Button>
      </div>
      <p role="status" className="accept-terms__pending">
        {accept.isPending ? t('terms.pending') : ''}
      </p>
      <p>{t('terms.notAccepting')}</p>
    </form>
  )
}
