import { type FormEvent, useState } from 'react'
import { Link } from 'react-router'
import { Actions } from '@/components/ui/actions.tsx'
import { Button } from '@/components/ui/button.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import { formatDay } from '@/lib/dates.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { workspaceClientPath } from '../../workspace-paths.ts'
import { type ClientSearch, useClientSearch } from '../api/search-clients.ts'
import '../../workspace.css'

/** "Cliënten": the clients of the caregiver's teams, searched by name, client number or date of birth. */
export function ClientsPage() {
  const t = useT()
  const [language] = useLanguage()
  const [text, setText] = useState('')
  const [dateOfBirth, setDateOfBirth] = useState('')
  const [search, setSearch] = useState<ClientSearch>({})
  const clients = useClientSearch(search)
  const items = clients.data?.pages.flatMap((page) => page.items) ?? []
  const searched = Boolean(search.q || search.dateOfBirth)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const next: ClientSearch = {}
    if (text.trim()) next.q = text.trim()
    if (dateOfBirth) next.dateOfBirth = dateOfBirth
    setSearch(next)
  }
  const clear = () => {
    setText('')
    setDateOfBirth('')
    setSearch({})
  }

  return (
    <div className="card">
      <PageHeading>{t('workspace.clients.title')}</PageHeading>
      <p>{t('workspace.clients.intro')}</p>
      <form className="record-filters" role="search" aria-label={t('workspace.clients.searchLabel')} onSubmit={onSubmit} noValidate>
        <div className="record-filters__period">
          <TextField id="zoek-client" type="search" label={t('workspace.clients.searchText')} value={text} maxLength={100} onChange={(event) => setText(event.target.value)} />
          <TextField id="zoek-geboortedatum" type="date" label={t('workspace.clients.searchDateOfBirth')} value={dateOfBirth} onChange={(event) => setDateOfBirth(event.target.value)} />
        </div>
        <Actions>
          <Button type="submit">{t('workspace.clients.search')}</Button>
          {searched ? (
            <Button variant="secondary" onClick={clear}>
              {t('workspace.clients.showAll')}
            </Button>
          ) : null}
        </Actions>
      </form>
      {clients.isPending ? <Loading>{t('workspace.clients.loading')}</Loading> : null}
      {clients.isError ? <LoadError message={t('workspace.clients.loadError')} retryLabel={t('record.retry')} onRetry={() => void clients.refetch()} /> : null}
      {clients.isSuccess ? (
        <>
          <p role="status" className="record-list__count">
            {items.length === 0 ? (searched ? t('workspace.clients.noneFound') : t('workspace.clients.none')) : searched ? t('workspace.clients.found') : ''}
          </p>
          {items.length > 0 ? (
            <ul className="workspace-list" aria-label={t('workspace.clients.listLabel')}>
              {items.map((client) => (
                <li key={client.clientId} className="workspace-list__item">
                  <Link to={workspaceClientPath(client.clientId)} className="workspace-list__link">
                    {client.name}
                  </Link>
                  <span className="workspace-list__facts">
                    {t('workspace.clients.facts', { number: client.clientNumber, date: formatDay(client.dateOfBirth, language) })}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          {clients.hasNextPage ? (
            <Button variant="secondary" aria-disabled={clients.isFetchingNextPage} onClick={() => !clients.isFetchingNextPage && void clients.fetchNextPage()}>
              {t('record.loadMore')}
            </Button>
          ) : null}
        </>
      ) : null}
    </div>
  )
}
