import { Link } from 'react-router'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { formatShortDate, formatTime } from '@/lib/dates.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { workspaceClientPath } from '../../workspace-paths.ts'
import { useInbox } from '../api/get-inbox.ts'
import '../../workspace.css'

/** "Berichten": the conversations of the caregiver's clients, unread ones first, each with its count. */
export function InboxPage() {
  const t = useT()
  const [language] = useLanguage()
  const inbox = useInbox()
  return (
    <div className="card">
      <PageHeading>{t('workspace.inbox.title')}</PageHeading>
      <p>{t('workspace.inbox.intro')}</p>
      {inbox.isPending ? <Loading>{t('workspace.inbox.loading')}</Loading> : null}
      {inbox.isError ? <LoadError message={t('workspace.inbox.loadError')} retryLabel={t('record.retry')} onRetry={() => void inbox.refetch()} /> : null}
      {inbox.data ? (
        <>
          <p>{inbox.data.unreadTotal === 0 ? t('workspace.inbox.noUnread') : t(inbox.data.unreadTotal === 1 ? 'workspace.inbox.unreadTotalOne' : 'workspace.inbox.unreadTotal', { count: String(inbox.data.unreadTotal) })}</p>
          {inbox.data.items.length === 0 ? <p>{t('workspace.inbox.none')}</p> : null}
          {inbox.data.items.length > 0 ? (
            <ul className="workspace-list" aria-label={t('workspace.inbox.listLabel')}>
              {inbox.data.items.map((item) => (
                <li key={item.clientId} className={`workspace-list__item ${item.unreadCount > 0 ? 'record-list__item--highlight' : ''}`}>
                  <Link to={workspaceClientPath(item.clientId, 'messages')} className="workspace-list__link">
                    {item.name}
                    {item.unreadCount > 0 ? <span className="visually-hidden"> ({t('workspace.inbox.unreadCount', { count: String(item.unreadCount) })})</span> : null}
                  </Link>
                  <span className="workspace-list__facts">
                    {item.unreadCount > 0 ? (
                      <span className="record-list__marker" aria-hidden="true">
                        {t('workspace.inbox.unreadCount', { count: String(item.unreadCount) })}
                      </span>
                    ) : null}{' '}
                    {t('workspace.inbox.lastMessage', { number: item.clientNumber, date: formatShortDate(item.lastMessageAt, language), time: formatTime(item.lastMessageAt, language) })}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </div>
  )
}
