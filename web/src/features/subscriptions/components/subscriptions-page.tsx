import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { MetaLine } from '@/components/ui/meta-line.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { RecordList } from '@/components/ui/record-list.tsx'
import { formatPeriod } from '@/lib/dates.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { useSubscriptions } from '../api/get-subscriptions.ts'

/** "Abonnementen": service, supplier and period ("1 januari 2019 – ..."). */
export function SubscriptionsPage({ clientId }: { clientId: string }) {
  const t = useT()
  const [language] = useLanguage()
  const subscriptions = useSubscriptions(clientId)
  return (
    <div className="card">
      <PageHeading>{t('menu.subscriptions')}</PageHeading>
      <p>{t('subscriptions.intro')}</p>
      {subscriptions.isPending ? <Loading>{t('subscriptions.loading')}</Loading> : null}
      {subscriptions.isError ? <LoadError message={t('subscriptions.loadError')} retryLabel={t('record.retry')} onRetry={() => void subscriptions.refetch()} /> : null}
      {subscriptions.data?.items.length === 0 ? <p>{t('subscriptions.none')}</p> : null}
      {subscriptions.data && subscriptions.data.items.length > 0 ? (
        <RecordList label={t('menu.subscriptions')}>
          {subscriptions.data.items.map((item) => (
            <li key={item.id} className="record-list__item">
              <h2 className="record-list__meta">{item.service}</h2>
              <MetaLine parts={[item.supplier, formatPeriod(item.startsOn, item.endsOn, language)]} />
            </li>
          ))}
        </RecordList>
      ) : null}
    </div>
  )
}
