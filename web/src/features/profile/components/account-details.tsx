import { useId, useState } from 'react'
import type { Profile } from '@shared/schemas/profile.ts'
import { Button } from '@/components/ui/button.tsx'
import { useT } from '@/i18n/use-t.ts'
import { ChangePhoneForm } from './change-phone-form.tsx'
import { StatusMessage } from './status-message.tsx'

/** "Uw gegevens": name and login name as in the Topaz manual, plus e-mail and mobile number. */
export function AccountDetails({ profile }: { profile: Profile }) {
  const t = useT()
  const id = useId()
  const [editing, setEditing] = useState(false)
  const [saved, setSaved] = useState(false)

  const close = (didSave: boolean) => {
    setEditing(false)
    setSaved(didSave)
    // Back to where the person started, so keyboard users are not lost at the top of the page.
    requestAnimationFrame(() => document.getElementById(`${id}-change`)?.focus())
  }

  return (
    <section className="card profile-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('profile.details.title')}</h2>
      <dl className="profile-details">
        <div>
          <dt>{t('profile.details.name')}</dt>
          <dd>{profile.displayName}</dd>
        </div>
        <div>
          <dt>{t('profile.details.loginName')}</dt>
          <dd>{profile.loginName}</dd>
        </div>
        <div>
          <dt>{t('profile.details.email')}</dt>
          <dd>{profile.email}</dd>
        </div>
        <div>
          <dt>{t('profile.details.mobilePhone')}</dt>
          <dd>{profile.mobilePhone ? formatPhone(profile.mobilePhone) : t('profile.details.none')}</dd>
        </div>
      </dl>
      <p className="profile-muted">{t('profile.details.changeHint')}</p>
      <StatusMessage>{saved ? t('profile.phone.saved') : null}</StatusMessage>
      {editing ? (
        <ChangePhoneForm onDone={() => close(true)} onCancel={() => close(false)} />
      ) : (
        <div className="profile-actions">
          <Button
            id={`${id}-change`}
            variant="secondary"
            onClick={() => {
              setSaved(false)
              setEditing(true)
            }}
          >
            {t('profile.phone.change')}
          </Button>
        </div>
      )}
    </section>
  )
}

/** "+31612345678" reads as "06 12345678", the way Dutch people write their own number. */
function formatPhone(international: string): string {
  const dutchMobile = /^\+316(\d{8})$/.exec(international)
  return dutchMobile ? `06 ${dutchMobile[1]}` : international
}
