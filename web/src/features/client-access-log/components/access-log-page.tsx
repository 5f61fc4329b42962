import { type FormEvent, useState } from 'react'
import type { AccessLogLine as Line } from '@shared/schemas/client-access-log.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { Button } from '@/components/ui/button.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import { formatWeekdayDay } from '@/lib/dates.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { type AccessLogPeriod, useAccessLog } from '../api/get-access-log.ts'
import { AccessLogLine } from './access-log-line.tsx'
import '@/components/ui/record-list.css'
import './access-log.css'

function PeriodFilter({ onApply }: { onApply: (period: AccessLogPeriod) => void }) {
  const t = useT()
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [problem, setProblem] = useState<string | undefined>()
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (from && to && to < from) return setProblem(t('record.periodInvalid'))
    setProblem(undefined)
    onApply({ from, to })
  }
  return (
    <form className="record-filters" aria-label={t('accessLog.filterLabel')} onSubmit={onSubmit} noValidate>
      <div className="record-filters__period">
        <TextField id="inzage-vanaf" type="date" label={t('record.from')} value={from} error={problem} onChange={(event) => setFrom(event.target.value)} />
        <TextField id="inzage-tot" type="date" label={t('record.to')} value={to} onChange={(event) => setTo(event.target.value)} />
      </div>
      <Actions>
        <Button type="submit">{t('accessLog.show')}</Button>
        <Button
          variant="secondary"
          onClick={() => {
            setFrom('')
            setTo('')
            setProblem(undefined)
            onApply({})
          }}
        >
          {t('record.clearFilters')}
        </Button>
      </Actions>
    </form>
  )
}

/** One day of the log as a table: when, who, which data, what. */
function Day({ date, lines }: { date: string; lines: Line[] }) {
  const t = useT()
  const [language] = useLanguage()
  const title = formatWeekdayDay(date, language)
  return (
    <section className="access-log__day">
      <h2>{title}</h2>
      {/* Focusable and named, so a keyboard can scroll the table when it is wider than its box (axe: scrollable-region-focusable). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region has to be reachable by keyboard */}
      <div className="access-log__scroll" role="region" aria-label={t('accessLog.caption', { date: title })} tabIndex={0}>
        <table className="access-log__table">
          <caption className="visually-hidden">{t('accessLog.caption', { date: title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('accessLog.when')}</th>
              <th scope="col">{t('accessLog.who')}</th>
              <th scope="col">{t('accessLog.what')}</th>
              <th scope="col">{t('accessLog.action')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, index) => (
              <AccessLogLine key={`${line.firstAt}-${index}`} line={line} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

/** "Wie heeft mijn dossier ingezien?": the access log of this client, per day, with a period filter. */
export function AccessLogPage({ clientId }: { clientId: string }) {
  const t = useT()
  const [period, setPeriod] = useState<AccessLogPeriod>({})
  const log = useAccessLog(clientId, period)
  const lines = log.data?.pages.flatMap((page) => page.items) ?? []
  const days = new Map<string, Line[]>()
  for (const line of lines) days.set(line.date, [...(days.get(line.date) ?? []), line])
  // Within a day, the most recent first, like the days themselves.
  for (const dayLines of days.values()) dayLines.sort((a, b) => b.lastAt.localeCompare(a.lastAt))

  return (
    <div className="card">
      <PageHeading>{t('menu.accessLog')}</PageHeading>
      <p>{t('accessLog.intro')}</p>
      <PeriodFilter onApply={setPeriod} />
      {log.isPending ? <Loading>{t('accessLog.loading')}</Loading> : null}
      {log.isError ? <LoadError message={t('accessLog.loadError')} retryLabel={t('record.retry')} onRetry={() => void log.refetch()} /> : null}
      {log.isSuccess && lines.length === 0 ? <p>{t('accessLog.none')}</p> : null}
      {[...days].map(([date, dayLines]) => (
        <Day key={date} date={date} lines={dayLines} />
      ))}
      {log.hasNextPage ? (
        <Button variant="secondary" aria-disabled={log.isFetchingNextPage} onClick={() => !log.isFetchingNextPage && void log.fetchNextPage()}>
          {t('record.loadMore')}
        </Button>
      ) : null}
    </div>
  )
}
