import { useState } from 'react'
import { Link, useLocation, useParams } from 'react-router'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { useT } from '@/i18n/use-t.ts'
import { ADMIN_PAGES } from '../../admin-paths.ts'
import { useAccount } from '../api/get-account.ts'
import { AccountActions } from './account-actions.tsx'
import { AccountFacts } from './account-facts.tsx'
import { LinksSection } from './links-section.tsx'
import { NewLinkForm } from './new-link-form.tsx'
import { TemporaryPasswordNotice } from './temporary-password-notice.tsx'
import '../../admin.css'

/** What "Nieuw account" hands over: the new login name, and a temporary password to show once. */
export type AccountPageState = { created?: string; temporaryPassword?: string }

/** One portal account: its data, the actions on it and its links to clients. */
export function AccountPage() {
  const t = useT()
  const { accountId = '' } = useParams()
  const location = useLocation()
  // Read once: the password is not kept in history state after this page is left.
  const [handedOver] = useState<AccountPageState>(() => {
    const state = (location.state ?? {}) as AccountPageState
    if (location.state) window.history.replaceState({ ...(window.history.state as object), usr: undefined }, '')
    return state
  })
  const account = useAccount(accountId)

  if (account.isPending) return <Loading>{t('admin.loading')}</Loading>
  if (account.isError) return <LoadError message={t('admin.loadError')} retryLabel={t('admin.retry')} onRetry={() => void account.refetch()} />
  const detail = account.data
  const active = !detail.account.endedAt

  return (
    <div className="card">
      <p>
        <Link to={ADMIN_PAGES.accounts}>{t('admin.account.back')}</Link>
      </p>
      <PageHeading>{detail.account.displayName}</PageHeading>
      {handedOver.created ? (
        handedOver.temporaryPassword ? (
          <TemporaryPasswordNotice intro={t('admin.newAccount.createdTemporary', { loginName: handedOver.created })} password={handedOver.temporaryPassword} />
        ) : (
          <Notice>
            <p>{t('admin.newAccount.created', { loginName: handedOver.created })}</p>
          </Notice>
        )
      ) : null}
      {active ? null : (
        <Notice>
          <p>{t('admin.account.ended')}</p>
        </Notice>
      )}
      <AccountFacts detail={detail} />
      {active ? <AccountActions account={detail.account} /> : null}
      <LinksSection links={detail.links} />
      {active ? <NewLinkForm accountId={detail.account.id} /> : null}
    </div>
  )
}
