import { Link, Navigate } from 'react-router'
import { Button } from '@/components/ui/button.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { useT } from '@/i18n/use-t.ts'
import { useDigidAvailability } from '../api/get-digid-availability.ts'
import { useLogout } from '../hooks/use-logout.ts'
import { useSession } from '../hooks/use-session.ts'
import { DigidLogin } from './digid-login.tsx'

/**
 * "Veiliger inloggen": the session's way in is no longer enough for the record under the care
 * organisation's login policy (Beheer → Beveiliging), so the person is asked to log in again,
 * more strongly. DigiD when it is configured; a passkey or authenticator app when the policy
 * accepts those, which takes logging out first. Mijn profiel stays open, to add one of those.
 */
export function StepUp() {
  const t = useT()
  const session = useSession()
  const digid = useDigidAvailability()
  const { logout, isPending } = useLogout()

  // Nothing (or nothing more) to do: the policy changed, or this is not a portal session.
  if (session.status === 'authenticated' && !session.stepUpRequired) return <Navigate to="/home" replace />
  const strong = session.status === 'authenticated' && session.strongSecondFactorAccepted
  const noWay = digid.data?.enabled === false && !strong

  return (
    <div className="card">
      <PageHeading>{t('stepUp.title')}</PageHeading>
      <p>{t('stepUp.text')}</p>
      <DigidLogin hint={false} />
      {strong ? (
        <>
          <p>{t('stepUp.strongText')}</p>
          <p>
            <Button variant="secondary" disabled={isPending} onClick={() => logout()}>
              {t('stepUp.logOutAndIn')}
            </Button>
          </p>
          <p>
            {t('stepUp.profileText')} <Link to="/mijn-profiel">{t('profile.title')}</Link>
          </p>
        </>
      ) : null}
      {noWay ? <p>{t('stepUp.contact')}</p> : null}
    </div>
  )
}
