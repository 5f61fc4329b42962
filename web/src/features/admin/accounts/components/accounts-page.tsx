import { type FormEvent, useState } from 'react'
import { Link } from 'react-router'
import { Actions } from '@/components/ui/actions.tsx'
import { Button } from '@/components/ui/button.tsx'
import { ButtonLink } from '@/components/ui/button-link.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import { useT } from '@/i18n/use-t.ts'
import { accountPath, NEW_ACCOUNT_PATH } from '../../admin-paths.ts'
import { ACCOUNTS_PAGE_SIZE, useAccounts } from '../api/get-accounts.ts'
import { AccountStateTags } from './account-state-tags.tsx'
import '../../admin.css'

/** "Portaalaccounts": search by name, login name or e-mail, 25 a page, and "Nieuw account". */
export function AccountsPage() {
  const t = useT()
  const [text, setText] = useState('')
  const [search, setSearch] = useState('')
  const [offset, setOffset] = useState(0)
  const accounts = useAccounts(search, offset)
  const total = accounts.data?.total ?? 0
  const pages = Math.max(1, Math.ceil(total / ACCOUNTS_PAGE_SIZE))
  const page = Math.floor(offset / ACCOUNTS_PAGE_SIZE) + 1

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setSearch(text.trim())
    setOffset(0)
  }

  return (
    <div className="card">
      <PageHeading>{t('admin.accounts.title')}</PageHeading>
      <p>{t('admin.accounts.intro')}</p>
      <Actions>
        <ButtonLink to={NEW_ACCOUNT_PATH} variant="primary">
          {t('admin.accounts.new')}
        </ButtonLink>
      </Actions>
      <form className="record-filters" role="search" aria-label={t('admin.accounts.searchLabel')} onSubmit={onSubmit} noValidate>
        <TextField id="zoek-account" type="search" label={t('admin.accounts.searchText')} value={text} maxLength={100} onChange={(event) => setText(event.target.value)} />
        <Actions>
          <Button type="submit">{t('admin.accounts.search')}</Button>
        </Actions>
      </form>
      {accounts.isPending ? <Loading>{t('admin.loading')}</Loading> : null}
      {accounts.isError ? <LoadError message={t('admin.loadError')} retryLabel={t('admin.retry')} onRetry={() => void accounts.refetch()} /> : null}
      {accounts.data ? (
        <>
          <p role="status">
            {total === 0 ? (search ? t('admin.accounts.noneFound') : t('admin.accounts.none')) : total === 1 ? t('admin.accounts.countOne') : t('admin.accounts.count', { count: String(total) })}
          </p>
          {accounts.data.items.length > 0 ? (
            <ul className="admin-list" aria-label={t('admin.accounts.listLabel')}>
              {accounts.data.items.map((account) => (
                <li key={account.id} className="admin-list__item">
                  <Link to={accountPath(account.id)} className="admin-list__link">
                    {account.displayName}
                  </Link>
                  <p className="admin-list__facts">
                    {t(account.activeLinkCount === 1 ? 'admin.accounts.factsOne' : 'admin.accounts.facts', { loginName: account.loginName, email: account.email, links: String(account.activeLinkCount) })}
                  </p>
                  <AccountStateTags account={account} />
                </li>
              ))}
            </ul>
          ) : null}
          {pages > 1 ? (
            <nav className="admin-pager" aria-label={t('admin.accounts.pageOf', { page: String(page), pages: String(pages) })}>
              {page > 1 ? (
                <Button variant="secondary" onClick={() => setOffset(offset - ACCOUNTS_PAGE_SIZE)}>
                  {t('admin.accounts.previous')}
                </Button>
              ) : null}
              <span>{t('admin.accounts.pageOf', { page: String(page), pages: String(pages) })}</span>
              {page < pages ? (
                <Button variant="secondary" onClick={() => setOffset(offset + ACCOUNTS_PAGE_SIZE)}>
                  {t('admin.accounts.next')}
                </Button>
              ) : null}
            </nav>
          ) : null}
        </>
      ) : null}
    </div>
  )
}
