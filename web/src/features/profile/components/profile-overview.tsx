import { useEffect } from 'react'
import { useLocation } from 'react-router'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { useT } from '@/i18n/use-t.ts'
import { useProfile } from '../api/get-profile.ts'
import { AccountDetails } from './account-details.tsx'
import { DigidSection } from './digid-section.tsx'
import { PASSKEYS_SECTION_ID, PasskeysSection } from './passkeys-section.tsx'
import { PasswordSection } from './password-section.tsx'
import { NotificationsSection } from './notifications-section.tsx'
import { SessionsSection } from './sessions-section.tsx'
import { TotpSection } from './totp-section.tsx'
import './profile.css'

/**
 * Everything of "Mijn profiel" below the page heading: the person's details, the password,
 * the ways to log in (passkey first, then the authenticator app) and the active sessions.
 */
export function ProfileOverview() {
  const t = useT()
  const profile = useProfile()
  const { hash } = useLocation()

  // "Ja, passkey instellen" leads to /mijn-profiel#passkeys: go to that section once it is there.
  const ready = profile.isSuccess
  useEffect(() => {
    if (!ready || hash !== `#${PASSKEYS_SECTION_ID}`) return
    const section = document.getElementById(PASSKEYS_SECTION_ID)
    section?.scrollIntoView()
    section?.focus()
  }, [ready, hash])

  if (profile.isPending) return <p>{t('profile.loading')}</p>
  if (profile.isError) {
    return (
      <>
        <Alert>
          <p>{t('profile.loadError')}</p>
        </Alert>
        <div className="profile-actions profile-actions--spaced">
          <Button variant="secondary" onClick={() => void profile.refetch()}>
            {t('profile.retry')}
          </Button>
        </div>
      </>
    )
  }

  const data = profile.data
  return (
    <div className="profile-overview">
      <AccountDetails profile={data} />
      <DigidSection />
      <PasswordSection profile={data} />
      <PasskeysSection passkeys={data.secondFactors.passkeys} />
      <TotpSection profile={data} />
      <NotificationsSection />
      <SessionsSection />
    </div>
  )
}
