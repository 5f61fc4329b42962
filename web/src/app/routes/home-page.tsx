import { Navigate } from 'react-router'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { useSession } from '@/features/auth/hooks/use-session.ts'
import { useLinkedClients } from '@/features/clients/api/get-linked-clients.ts'
import { ClientChoice } from '@/features/clients/components/client-choice.tsx'
import { clientPath } from '@/lib/client-record-paths.ts'
import { useT } from '@/i18n/use-t.ts'
import { PageTitle } from '../page-title.tsx'

/**
 * Where the portal starts after login. An account linked to one client goes straight to
 * that client's Home; with several, the person chooses here (and can switch later in the
 * header); with none yet, the page says so plainly.
 */
export function HomePage() {
  const t = useT()
  const session = useSession()
  const clients = useLinkedClients()
  const name = session.status === 'authenticated' ? session.displayName : ''

  if (clients.data?.length === 1 && clients.data[0]) return <Navigate to={clientPath(clients.data[0].clientId)} replace />
  return (
    <div className="card">
      <PageTitle title={t('home.title')} />
      <PageHeading>{t('home.greeting', { name })}</PageHeading>
      {clients.isPending ? <Loading>{t('clients.loading')}</Loading> : null}
      {clients.isError ? <LoadError message={t('clients.loadError')} retryLabel={t('record.retry')} onRetry={() => void clients.refetch()} /> : null}
      {clients.data && clients.data.length === 0 ? (
        <>
          <p>{t('home.loggedIn')}</p>
          <p>{t('clients.none')}</p>
        </>
      ) : null}
      {clients.data && clients.data.length > 1 ? (
        <>
          <p>{t('clients.choose')}</p>
          <ClientChoice clients={clients.data} />
        </>
      ) : null}
    </div>
  )
}
