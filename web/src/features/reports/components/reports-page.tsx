import { useState } from 'react'
import { Button } from '@/components/ui/button.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { RecordList } from '@/components/ui/record-list.tsx'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { formatDateTime } from '@/lib/dates.ts'
import { type ReportFilters as Filters, useReports } from '../api/get-reports.ts'
import { ReportFilters } from './report-filters.tsx'
import { ReportItem } from './report-item.tsx'

/**
 * "Rapportages": what the care team wrote, newest first, with a search and a period. The page and
 * an empty result say from when reports are shown (the link's activation) and why: the question
 * the organisation's FAQ answers most ("Klopt het dat ik geen rapportages terug kan zien...").
 */
export function ReportsPage({ clientId }: { clientId: string }) {
  const t = useT()
  const [language] = useLanguage()
  const [filters, setFilters] = useState<Filters>({})
  const reports = useReports(clientId, filters)
  const items = reports.data?.pages.flatMap((page) => page.items) ?? []
  const filtered = Boolean(filters.q || filters.from || filters.to)
  const shownFrom = reports.data?.pages[0]?.shownFrom
  const since = shownFrom ? formatDateTime(shownFrom, language) : ''

  return (
    <div className="card">
      <PageHeading>{t('menu.reports')}</PageHeading>
      <p>{t('reports.intro')}</p>
      <ReportFilters onApply={setFilters} />
      {/* Below the search, with the answer it belongs to: above it, its arrival would push the search down. */}
      {shownFrom ? <p>{t('reports.shownFrom', { date: since })}</p> : null}
      {reports.isPending ? <Loading>{t('reports.loading')}</Loading> : null}
      {reports.isError ? <LoadError message={t('reports.loadError')} retryLabel={t('record.retry')} onRetry={() => void reports.refetch()} /> : null}
      {reports.isSuccess ? (
        <>
          <p role="status" className="record-list__count">
            {items.length === 0 ? (filtered ? t('reports.noneFoundSince', { date: since }) : t('reports.noneSince', { date: since })) : filtered ? t('reports.found') : ''}
          </p>
          {items.length > 0 ? (
            <RecordList label={t('menu.reports')}>
              {items.map((report) => (
                <ReportItem key={report.id} report={report} />
              ))}
            </RecordList>
          ) : null}
          {reports.hasNextPage ? (
            <Button variant="secondary" aria-disabled={reports.isFetchingNextPage} onClick={() => !reports.isFetchingNextPage && void reports.fetchNextPage()}>
              {t('record.loadMore')}
            </Button>
          ) : null}
          {reports.isFetchingNextPage ? <Loading>{t('reports.loading')}</Loading> : null}
        </>
      ) : null}
    </div>
  )
}
