import { useSearchParams } from 'react-router'
import { Alert } from '@/components/ui/alert.tsx'
import { useT } from '@/i18n/use-t.ts'
import { useSsoAvailability } from '../api/get-sso-availability.ts'

/**
 * "Inloggen via uw organisatie" for staff, when single sign-on is configured. A plain link:
 * the browser itself must go to the identity provider and back (server/identity/sso).
 * The server sends a failed attempt back here with ?sso=mislukt, never with the reason.
 */
export function SsoLogin({ className = '' }: { className?: string }) {
  const t = useT()
  const [searchParams] = useSearchParams()
  const availability = useSsoAvailability()
  const failed = searchParams.get('sso') === 'mislukt'

  if (!availability.data?.enabled) return null
  return (
    <div className={className}>
      {failed ? (
        <Alert>
          <p>{t('ssoLogin.failed')}</p>
        </Alert>
      ) : null}
      <p>
        <a className="button button--secondary" href="/api/sso/start">
          {t('ssoLogin.button')}
        </a>
      </p>
      <p>{t('ssoLogin.hint')}</p>
    </div>
  )
}
