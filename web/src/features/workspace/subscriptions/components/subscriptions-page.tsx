import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { RecordList } from '@/components/ui/record-list.tsx'
import { formatPeriod } from '@/lib/dates.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { useWorkspaceSubscriptions } from '../api/get-subscriptions.ts'

/** "Abonnementen": hairdresser, pedicure and other services, with supplier and period. */
export function WorkspaceSubscriptionsPage({ clientId }: { clientId: string }) {
  const t = useT()
  const [language] = useLanguage()
  const subscriptions = useWorkspaceSubscriptions(clientId)
  return (
    <div className="card">
      <PageHeading>{t('menu.subscriptions')}</PageHeading>
      {subscriptions.isPending ? <Loading>{t('subscriptions.loading')}</Loading> : null}
      {subscriptions.isError ? <LoadError message={t('subscriptions.loadError')} retryLabel={t('record.retry')} onRetry={() => void subscriptions.refetch()} /> : null}
      {subscriptions.data && subscriptions.data.items.length === 0 ? <p>{t('subscriptions.none')}</p> : null}
      {subscriptions.data && subscriptions.data.items.length > 0 ? (
        <RecordList label={t('menu.subscriptions')}>
          {subscriptions.data.items.map((item) => (
            <li key={item.id} className="record-list__item">
              <h2 className="workspace-day">{item.service}</h2>
              <p>{t('workspace.subscriptions.supplier', { supplier: item.supplier })}</p>
              <p>{t('workspace.subscriptions.period', { period: formatPeriod(item.startsOn, item.endsOn, language) })}</p>
            </li>
          ))}
        </RecordList>
      ) : null}
    </div>
  )
}
