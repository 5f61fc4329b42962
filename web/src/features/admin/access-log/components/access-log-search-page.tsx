import { type FormEvent, useState } from 'react'
import type { ClientChoice } from '@shared/schemas/admin-accounts.ts'
import { isUuid } from '@shared/schemas/common.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { Button } from '@/components/ui/button.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import type { MessageKey } from '@/i18n/nl.ts'
import { type Translate, useLanguage, useT } from '@/i18n/use-t.ts'
import { formatDateTime } from '@/lib/dates.ts'
import { ClientPicker } from '../../client-choice/components/client-picker.tsx'
import { SelectField } from '../../components/select-field.tsx'
import { dutchMomentIso } from '@/lib/dutch-time.ts'
import { type AccessLogFilters, accessLogExportUrl, useAccessLogSearch } from '../api/search-access-log.ts'
import '../../admin.css'

const ACTIONS = ['read', 'create', 'update', 'delete', 'export', 'login', 'logout'] as const

/** The Dutch (or English) word for a code of the log, or the code itself for one the app does not know yet. */
function translated(t: Translate, key: string, code: string): string {
  // t gives the key back for a text it does not have (the admin texts load with these pages).
  const text = t(key as MessageKey)
  return text === key ? code : text
}

/** The day after `day` (yyyy-mm-dd), so "tot en met" a day includes all of it. */
function nextDay(day: string): string {
  const date = new Date(`${day}T12:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}

/** "Toegangslog": search by client, person, period and action; 50 lines a page; the same search as CSV. */
export function AccessLogSearchPage() {
  const t = useT()
  const [language] = useLanguage()
  const [client, setClient] = useState<ClientChoice | null>(null)
  const [person, setPerson] = useState('')
  const [from, setFrom] = useState('')
  const [until, setUntil] = useState('')
  const [action, setAction] = useState('')
  const [periodError, setPeriodError] = useState(false)
  const [filters, setFilters] = useState<AccessLogFilters | null>(null)
  const log = useAccessLogSearch(filters)
  const items = log.data?.pages.flatMap((page) => page.items) ?? []

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (from && until && until < from) return setPeriodError(true)
    setPeriodError(false)
    const next: AccessLogFilters = {}
    if (client) next.clientId = client.id
    const who = person.trim()
    if (who) {
      if (isUuid(who)) next.actorId = who
      else next.actorName = who
    }
    const fromIso = from ? dutchMomentIso(from, '00:00') : null
    const untilIso = until ? dutchMomentIso(nextDay(until), '00:00') : null
    if (fromIso) next.from = fromIso
    if (untilIso) next.until = untilIso
    const chosen = ACTIONS.find((a) => a === action)
    if (chosen) next.action = chosen
    setFilters(next)
  }

  return (
    <div className="card">
      <PageHeading>{t('admin.accessLog.title')}</PageHeading>
      <p>{t('admin.accessLog.intro')}</p>
      <form className="record-filters" role="search" aria-label={t('admin.accessLog.searchLabel')} onSubmit={onSubmit} noValidate>
        <ClientPicker id="log-client" label={t('admin.accessLog.client')} chosen={client} onChoose={setClient} />
        {client ? (
          <Actions>
            <Button variant="secondary" onClick={() => setClient(null)}>
              {t('admin.accessLog.anyClient')}
            </Button>
          </Actions>
        ) : null}
        <TextField id="log-persoon" label={t('admin.accessLog.person')} value={person} maxLength={100} autoComplete="off" onChange={(event) => setPerson(event.target.value)} />
        <div className="record-filters__period">
          <TextField id="log-vanaf" type="date" label={t('admin.accessLog.from')} value={from} onChange={(event) => setFrom(event.target.value)} />
          <TextField
            id="log-tot"
            type="date"
            label={t('admin.accessLog.until')}
            value={until}
            error={periodError ? t('admin.accessLog.untilBeforeFrom') : undefined}
            onChange={(event) => setUntil(event.target.value)}
          />
        </div>
        <SelectField
          id="log-handeling"
          label={t('admin.accessLog.action')}
          value={action}
          onChange={(event) => setAction(event.target.value)}
          options={[{ value: '', label: t('admin.accessLog.anyAction') }, ...ACTIONS.map((a) => ({ value: a, label: t(`admin.accessLog.action.${a}`) }))]}
        />
        <Actions>
          <Button type="submit">{t('admin.accessLog.search')}</Button>
        </Actions>
      </form>

      {filters ? (
        <p>
          <a className="button button--secondary" href={accessLogExportUrl(filters)} download>
            {t('admin.accessLog.export')}
          </a>{' '}
          <span>{t('admin.accessLog.exportHint')}</span>
        </p>
      ) : null}
      {filters && log.isPending ? <Loading>{t('admin.loading')}</Loading> : null}
      {log.isError ? <LoadError message={t('admin.loadError')} retryLabel={t('admin.retry')} onRetry={() => void log.refetch()} /> : null}
      {log.isSuccess ? (
        <>
          <p role="status">{items.length === 0 ? t('admin.accessLog.none') : items.length === 1 ? t('admin.accessLog.shownOne') : t('admin.accessLog.shown', { count: String(items.length) })}</p>
          {items.length > 0 ? (
            <ol className="admin-list" aria-label={t('admin.accessLog.resultsLabel')}>
              {items.map((entry) => {
                const known = ACTIONS.find((a) => a === entry.action)
                return (
                  <li key={entry.id} className="admin-list__item">
                    <p className="admin-list__facts">
                      <strong>{formatDateTime(entry.occurredAt, language)}</strong>
                    </p>
                    <p className="admin-list__facts">
                      {t('admin.accessLog.line', {
                        who: entry.actorName,
                        role: translated(t, `admin.accessLog.role.${entry.actorRole}`, entry.actorRole),
                        action: known ? t(`admin.accessLog.action.${known}`) : entry.action,
                        dataKind: translated(t, `admin.accessLog.data.${entry.dataKind}`, entry.dataKind),
                      })}
                      {' · '}
                      {entry.outcome === 'success' || entry.outcome === 'denied' ? t(`admin.accessLog.outcome.${entry.outcome}`) : entry.outcome}
                    </p>
                    <p className="admin-list__facts">
                      {[
                        entry.clientNumber ? t('admin.accessLog.lineClient', { number: entry.clientNumber }) : null,
                        entry.onBehalfOf ? t('admin.accessLog.lineOnBehalf', { onBehalf: entry.onBehalfOf }) : null,
                        t('admin.accessLog.lineSource', { ip: entry.sourceIp }),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </p>
                  </li>
                )
              })}
            </ol>
          ) : null}
          {log.hasNextPage ? (
            <Button variant="secondary" aria-disabled={log.isFetchingNextPage} onClick={() => !log.isFetchingNextPage && void log.fetchNextPage()}>
              {t('admin.loadMore')}
            </Button>
          ) : null}
        </>
      ) : null}
    </div>
  )
}
