import type { LinkedClient } from '@shared/schemas/clients.ts'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { useT } from '@/i18n/use-t.ts'
import { useHome } from '../api/get-home.ts'
import { AppointmentsCard } from './appointments-card.tsx'
import { CarePlanCard } from './care-plan-card.tsx'
import { MessagesCard } from './messages-card.tsx'
import { ProfileCard } from './profile-card.tsx'
import { ReportCard } from './report-card.tsx'
import { SubscriptionsCard } from './subscriptions-card.tsx'
import './home-card.css'

/**
 * Home of one client: a card per section, in the order of the Topaz manual. A section the
 * link may not see has no card at all (the server leaves it out of the answer).
 */
export function ClientHome({ client }: { client: LinkedClient }) {
  const t = useT()
  const home = useHome(client.clientId)
  const id = client.clientId
  return (
    <div className="client-home">
      <PageHeading>{client.name}</PageHeading>
      {home.isPending ? <Loading>{t('homeCards.loading')}</Loading> : null}
      {home.isError ? <LoadError message={t('homeCards.loadError')} retryLabel={t('record.retry')} onRetry={() => void home.refetch()} /> : null}
      {home.data ? (
        <div className="client-home__cards">
          {home.data.reports ? <ReportCard clientId={id} report={home.data.reports.newest} /> : null}
          {home.data.messages ? <MessagesCard clientId={id} messages={home.data.messages.newest} unreadCount={home.data.messages.unreadCount} /> : null}
          {home.data.carePlanPrints ? <CarePlanCard clientId={id} print={home.data.carePlanPrints.newest} /> : null}
          {home.data.appointments ? <AppointmentsCard clientId={id} today={home.data.appointments.today} tomorrow={home.data.appointments.tomorrow} /> : null}
          {home.data.profile ? <ProfileCard clientId={id} profile={home.data.profile} /> : null}
          {home.data.subscriptions ? <SubscriptionsCard clientId={id} items={home.data.subscriptions.items} total={home.data.subscriptions.total} /> : null}
        </div>
      ) : null}
    </div>
  )
}
