import type { ReactNode } from 'react'
import type { AppointmentPeriod } from '@shared/schemas/appointments.ts'
import { Button } from '@/components/ui/button.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { RecordList } from '@/components/ui/record-list.tsx'
import { formatWeekdayDay } from '@/lib/dates.ts'
import { dutchDay } from '@/lib/dutch-time.ts'
import type { PagedListState } from '@/lib/paged-list.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'

/**
 * Appointments grouped per day (in the order given), each day under its own heading: "Vandaag",
 * "Morgen" (in Dutch time), else "vrijdag 4 december 2026". `renderItem` gives each its list item.
 */
export function AppointmentDays<Item extends { id: string; date: string }>({
  items,
  dayClassName,
  renderItem,
}: {
  items: readonly Item[]
  dayClassName: string
  renderItem: (item: Item) => ReactNode
}) {
  const t = useT()
  const [language] = useLanguage()
  const days = new Map<string, Item[]>()
  for (const item of items) days.set(item.date, [...(days.get(item.date) ?? []), item])
  const today = dutchDay(0)
  const tomorrow = dutchDay(1)
  return [...days].map(([day, list]) => {
    const title = day === today ? t('appointments.today') : day === tomorrow ? t('appointments.tomorrow') : formatWeekdayDay(day, language)
    return (
      <section key={day} aria-label={title}>
        <h3 className={dayClassName}>{title}</h3>
        <RecordList label={title}>{list.map(renderItem)}</RecordList>
      </section>
    )
  })
}

/**
 * "Komende afspraken" or "Eerdere afspraken": its heading, the list's loading and error states,
 * "Geen afspraken", and "Meer laden" while there are more pages. The feature fetches.
 */
export function AppointmentPeriodSection({
  period,
  pending,
  failed,
  empty,
  hasMore,
  loadingMore,
  onRetry,
  onLoadMore,
  children,
}: PagedListState & {
  period: AppointmentPeriod
  children: ReactNode
}) {
  const t = useT()
  const title = period === 'upcoming' ? t('appointments.upcoming') : t('appointments.past')
  return (
    <section className="record-section" aria-labelledby={`afspraken-${period}`}>
      <h2 id={`afspraken-${period}`}>{title}</h2>
      {pending ? <Loading>{t('appointments.loading')}</Loading> : null}
      {failed ? <LoadError message={t('appointments.loadError')} retryLabel={t('record.retry')} onRetry={onRetry} /> : null}
      {empty ? <p>{t('appointments.none')}</p> : null}
      {children}
      {hasMore ? (
        <Button variant="secondary" aria-disabled={loadingMore} onClick={() => !loadingMore && onLoadMore()}>
          {t('record.loadMore')}
        </Button>
      ) : null}
    </section>
  )
}
