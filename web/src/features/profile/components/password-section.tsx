import { useId, useState } from 'react'
import type { Profile } from '@shared/schemas/profile.ts'
import { Button } from '@/components/ui/button.tsx'
import { useT } from '@/i18n/use-t.ts'
import { ChangePasswordForm } from './change-password-form.tsx'
import { StatusMessage } from './status-message.tsx'

/** The "Wachtwoord wijzigen" button of the Topaz manual, opening the form in place. */
export function PasswordSection({ profile }: { profile: Profile }) {
  const t = useT()
  const id = useId()
  const [open, setOpen] = useState(false)
  const [saved, setSaved] = useState(false)

  const close = (didSave: boolean) => {
    setOpen(false)
    setSaved(didSave)
    requestAnimationFrame(() => document.getElementById(`${id}-open`)?.focus())
  }

  return (
    <section className="card profile-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('profile.password.title')}</h2>
      <StatusMessage>{saved ? t('profile.password.saved') : null}</StatusMessage>
      {open ? (
        <ChangePasswordForm profile={profile} onDone={() => close(true)} onCancel={() => close(false)} />
      ) : (
        <div className="profile-actions">
          <Button
            id={`${id}-open`}
            onClick={() => {
              setSaved(false)
              setOpen(true)
            }}
          >
            {t('profile.password.open')}
          </Button>
        </div>
      )}
    </section>
  )
}
