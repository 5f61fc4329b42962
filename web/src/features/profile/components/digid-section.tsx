import { useId, useState } from 'react'
import { useSearchParams } from 'react-router'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { useT } from '@/i18n/use-t.ts'
import { useDigidBinding, useStartDigidBinding, useUnbindDigid } from '../api/digid-binding.ts'
import { ChangeError } from './change-error.tsx'
import { StatusMessage } from './status-message.tsx'

/**
 * "DigiD koppelen" / "DigiD ontkoppelen": after binding, the person logs in with their own
 * DigiD. Both need a recent login (asked for right here). Absent when DigiD is not offered.
 */
export function DigidSection() {
  const t = useT()
  const id = useId()
  const binding = useDigidBinding()
  const bind = useStartDigidBinding()
  const unbind = useUnbindDigid()
  const [searchParams] = useSearchParams()
  const [unbound, setUnbound] = useState(false)
  const returned = searchParams.get('digid')

  if (!binding.data?.enabled) return null
  const { bound } = binding.data

  const startBinding = () => {
    unbind.reset()
    bind.mutate()
  }
  const removeBinding = () => {
    bind.reset()
    unbind.mutate(undefined, {
      onSuccess: () => {
        setUnbound(true)
        document.getElementById(`${id}-title`)?.focus()
      },
    })
  }
  const failed = bind.isError ? bind : unbind.isError ? unbind : null

  return (
    <section className="card profile-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {t('profile.digid.title')}
      </h2>
      <p>{bound ? t('profile.digid.bound') : t('profile.digid.notBound')}</p>
      <StatusMessage>{unbound ? t('profile.digid.unbound') : returned === 'gekoppeld' && bound ? t('profile.digid.boundNow') : null}</StatusMessage>
      {returned === 'mislukt' && !bound ? (
        <Alert>
          <p>{t('profile.digid.failed')}</p>
        </Alert>
      ) : null}
      {failed ? (
        <ChangeError
          error={failed.error}
          onRetry={bind.isError ? startBinding : removeBinding}
          onCancel={() => {
            bind.reset()
            unbind.reset()
          }}
        />
      ) : (
        <div className="profile-actions">
          {bound ? (
            <Button variant="secondary" onClick={removeBinding} disabled={unbind.isPending}>
              {t('profile.digid.unbind')}
            </Button>
          ) : (
            <Button onClick={startBinding} disabled={bind.isPending}>
              {t('profile.digid.bind')}
            </Button>
          )}
        </div>
      )}
    </section>
  )
}
