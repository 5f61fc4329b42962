import { browserSupportsWebAuthn } from '@simplewebauthn/browser'
import { type FormEvent, useId, useState } from 'react'
import type { PasskeySummary } from '@shared/schemas/profile.ts'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { useRemovePasskey } from '../api/remove-passkey.ts'
import { useAddPasskey } from '../hooks/use-add-passkey.ts'
import { defaultPasskeyNameKey } from '../utils/device-name.ts'
import { deviceProblem } from '../utils/errors.ts'
import { formatDateTime } from '../utils/format-date.ts'
import { ChangeError } from './change-error.tsx'
import { StatusMessage } from './status-message.tsx'

/** The id of this section, so "Ja, passkey instellen" elsewhere can lead straight here. */
export const PASSKEYS_SECTION_ID = 'passkeys'

/**
 * Passkeys first among the ways to log in: for many older people a fingerprint or a face
 * is easier than copying an SMS code, and it is also the safest way.
 */
export function PasskeysSection({ passkeys }: { passkeys: PasskeySummary[] }) {
  const t = useT()
  const [language] = useLanguage()
  const id = useId()
  const add = useAddPasskey()
  const remove = useRemovePasskey()
  const [name, setName] = useState(() => t(defaultPasskeyNameKey()))
  const [missingName, setMissingName] = useState(false)
  const [done, setDone] = useState<'added' | 'removed' | null>(null)
  const supported = browserSupportsWebAuthn()

  const startAdding = () => {
    setDone(null)
    remove.reset()
    add.mutate(name.trim(), { onSuccess: () => setDone('added') })
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (add.isPending) return
    if (name.trim() === '') return setMissingName(true)
    startAdding()
  }

  const startRemoving = (passkeyId: string) => {
    setDone(null)
    add.reset()
    remove.mutate(passkeyId, {
      onSuccess: () => {
        setDone('removed')
        // The button that had focus is gone: continue from the section's heading.
        document.getElementById(`${id}-title`)?.focus()
      },
    })
  }

  const problem = add.isError ? deviceProblem(add.error) : null

  return (
    <section id={PASSKEYS_SECTION_ID} tabIndex={-1} className="card profile-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {t('profile.passkeys.title')}
      </h2>
      <p>{t('profile.passkeys.intro')}</p>
      <StatusMessage>{done === 'added' ? t('profile.passkeys.added') : done === 'removed' ? t('profile.passkeys.removed') : null}</StatusMessage>

      {passkeys.length === 0 ? (
        <p>{t('profile.passkeys.none')}</p>
      ) : (
        <ul className="profile-list" aria-label={t('profile.passkeys.listLabel')}>
          {passkeys.map((passkey) => (
            <li key={passkey.id} className="profile-list__item">
              <div>
                <p className="profile-list__name">{passkey.name}</p>
                <p className="profile-muted">
                  {t('profile.passkeys.created', { date: formatDateTime(passkey.createdAt, language) })}
                  <br />
                  {passkey.lastUsedAt ? t('profile.passkeys.lastUsed', { date: formatDateTime(passkey.lastUsedAt, language) }) : t('profile.passkeys.neverUsed')}
                </p>
              </div>
              <Button
                variant="secondary"
                aria-label={t('profile.passkeys.removeNamed', { name: passkey.name })}
                aria-disabled={remove.isPending || undefined}
                onClick={() => !remove.isPending && startRemoving(passkey.id)}
              >
                {t('profile.passkeys.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {remove.isError ? (
        <ChangeError error={remove.error} onRetry={() => remove.variables && startRemoving(remove.variables)} onCancel={() => remove.reset()} />
      ) : null}

      {supported ? (
        <form className="profile-form" noValidate onSubmit={onSubmit}>
          <TextField
            id={`${id}-name`}
            label={t('profile.passkeys.name')}
            maxLength={60}
            aria-describedby={missingName ? `${id}-name-fout ${id}-name-hint` : `${id}-name-hint`}
            value={name}
            onChange={(event) => {
              setName(event.target.value)
              setMissingName(false)
            }}
            error={missingName ? t('profile.passkeys.nameRequired') : undefined}
          />
          <p id={`${id}-name-hint`} className="profile-muted">
            {t('profile.passkeys.nameHint')}
          </p>
          <div className="profile-actions">
            <Button type="submit" aria-disabled={add.isPending || undefined}>
              {t('profile.passkeys.add')}
            </Button>
          </div>
          <p role="status" className="profile-pending">
            {add.isPending ? t('profile.passkeys.adding') : ''}
          </p>
        </form>
      ) : (
        <p>{t('profile.passkeys.unsupported')}</p>
      )}
      {add.isError ? (
        problem ? (
          <Alert>
            <p>{t(problem === 'exists' ? 'profile.passkeys.exists' : problem === 'unsupported' ? 'profile.passkeys.unsupported' : 'profile.passkeys.cancelled')}</p>
          </Alert>
        ) : (
          <ChangeError error={add.error} onRetry={startAdding} onCancel={() => add.reset()} />
        )
      ) : null}
    </section>
  )
}
