import { useId } from 'react'
import { Link, useLocation } from 'react-router'
import { Button } from '@/components/ui/button.tsx'
import { useT } from '@/i18n/use-t.ts'
import { useProfile } from '../api/get-profile.ts'
import { usePasskeyOfferDismissed } from '../hooks/use-passkey-offer.ts'
import { usePlatformAuthenticator } from '../hooks/use-platform-authenticator.ts'
import { PASSKEYS_SECTION_ID } from './passkeys-section.tsx'
import './passkey-offer.css'

/** The profile page, with the passkey section as its target. */
const PROFILE_PATH = '/mijn-profiel'

/**
 * Offered once to someone without a passkey: "Wilt u voortaan inloggen met uw vingerafdruk
 * of gezicht?". Both answers put it away for good on this device; "Ja" leads to the
 * passkey section of "Mijn profiel". Only on a device that has a fingerprint reader, face
 * recognition or a PIN for passkeys, and not on the profile page itself.
 */
export function PasskeyOffer() {
  const t = useT()
  const id = useId()
  const { pathname } = useLocation()
  const profile = useProfile()
  const [dismissed, dismiss] = usePasskeyOfferDismissed(profile.data?.loginName ?? '')
  const onThisDevice = usePlatformAuthenticator()

  if (!profile.data || dismissed || pathname === PROFILE_PATH || !onThisDevice) return null
  if (profile.data.secondFactors.passkeys.length > 0) return null

  return (
    <aside className="passkey-offer" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="passkey-offer__title">
        {t('passkeyOffer.title')}
      </h2>
      <p>{t('passkeyOffer.text')}</p>
      <div className="passkey-offer__actions">
        <Link className="button button--primary" to={`${PROFILE_PATH}#${PASSKEYS_SECTION_ID}`} onClick={dismiss}>
          {t('passkeyOffer.accept')}
        </Link>
        <Button variant="secondary" onClick={dismiss}>
          {t('passkeyOffer.dismiss')}
        </Button>
      </div>
    </aside>
  )
}
