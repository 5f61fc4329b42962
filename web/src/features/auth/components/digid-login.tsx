import { useSearchParams } from 'react-router'
import { Alert } from '@/components/ui/alert.tsx'
import { useT } from '@/i18n/use-t.ts'
import { useDigidAvailability } from '../api/get-digid-availability.ts'
import './digid-login.css'

/**
 * "Inloggen met DigiD" for clients and representatives, when DigiD is configured. A plain
 * link: the browser itself goes to DigiD and back (server/identity/digid). A failed attempt
 * comes back with ?digid=mislukt, never with the reason.
 */
export function DigidLogin({ className = '', hint = true }: { className?: string; hint?: boolean }) {
  const t = useT()
  const [searchParams] = useSearchParams()
  const availability = useDigidAvailability()
  const failed = searchParams.get('digid') === 'mislukt'

  if (!availability.data?.enabled) return null
  return (
    <div className={`digid-login ${className}`}>
      {failed ? (
        <Alert>
          <p>{t('digidLogin.failed')}</p>
        </Alert>
      ) : null}
      <p>
        <a className="button button--primary digid-login__button" href="/api/digid/start">
          {t('digidLogin.button')}
        </a>
      </p>
      {/* The hint points to the password form below it on the login page; elsewhere it would mislead. */}
      {hint ? <p>{t('digidLogin.hint')}</p> : null}
    </div>
  )
}
