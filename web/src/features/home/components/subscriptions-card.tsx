import type { SubscriptionSummary } from '@shared/schemas/home.ts'
import { ButtonLink } from '@/components/ui/button-link.tsx'
import { MetaLine } from '@/components/ui/meta-line.tsx'
import { clientPath } from '@/lib/client-record-paths.ts'
import { formatPeriod } from '@/lib/dates.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { HomeCard } from './home-card.tsx'

export function SubscriptionsCard({ clientId, items, total }: { clientId: string; items: SubscriptionSummary[]; total: number }) {
  const t = useT()
  const [language] = useLanguage()
  return (
    <HomeCard title={t('menu.subscriptions')} actions={<ButtonLink to={clientPath(clientId, 'subscriptions')}>{t('homeCards.allSubscriptions')}</ButtonLink>}>
      {items.length === 0 ? (
        <p>{t('subscriptions.none')}</p>
      ) : (
        <ul className="home-card__list">
          {items.map((item) => (
            <li key={item.id}>
              <p className="home-card__meta">{item.service}</p>
              <MetaLine parts={[item.supplier, formatPeriod(item.startsOn, item.endsOn, language)]} />
            </li>
          ))}
        </ul>
      )}
      {total > items.length ? <p>{t('homeCards.moreSubscriptions', { count: String(total - items.length) })}</p> : null}
    </HomeCard>
  )
}
