import { useEffect, useRef } from 'react'
import type { Message } from '@shared/schemas/messages.ts'
import { Button } from '@/components/ui/button.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { MetaLine } from '@/components/ui/meta-line.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { PlainText } from '@/components/ui/plain-text.tsx'
import { RecordList } from '@/components/ui/record-list.tsx'
import { formatShortDate, formatTime } from '@/lib/dates.ts'
import type { LinkRelation } from '@shared/schemas/clients.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { useMarkMessagesRead } from '../api/mark-messages-read.ts'
import { useMessages } from '../api/get-messages.ts'
import { MessageForm } from './message-form.tsx'
import './messages.css'

const RELATIONS = new Set<string>(['self', 'legal_representative', 'first_contact', 'second_contact', 'informal_carer'])

function Author({ author }: { author: Message['author'] }) {
  const t = useT()
  if (author.isMe) return <span>{t('messages.me')}</span>
  const role = author.kind === 'account' && RELATIONS.has(author.role) ? t(`record.relation.${author.role as LinkRelation}`) : author.role
  return <span>{role ? `${author.name} (${role})` : author.name}</span>
}

/** "Berichten": the conversation with the care team, newest first, and a form to write. */
export function MessagesPage({ clientId }: { clientId: string }) {
  const t = useT()
  const [language] = useLanguage()
  const messages = useMessages(clientId)
  const markRead = useMarkMessagesRead(clientId)
  const items = messages.data?.pages.flatMap((page) => page.items) ?? []
  const unreadCount = messages.data?.pages[0]?.unreadCount ?? 0
  const newestUnread = items.find((message) => message.unread)?.id
  const marked = useRef<string | null>(null)
  const { mutate } = markRead

  // Seen on this page means read: mark up to the newest message once, when unread ones show.
  const newest = items[0]?.id
  useEffect(() => {
    if (!newest || !newestUnread || marked.current === newest) return
    marked.current = newest
    mutate(newest)
  }, [newest, newestUnread, mutate])

  return (
    <div className="card">
      <PageHeading>{t('menu.messages')}</PageHeading>
      <p>{t('messages.intro')}</p>
      <MessageForm clientId={clientId} />
      <h2>{t('messages.conversation')}</h2>
      {messages.isPending ? <Loading>{t('messages.loading')}</Loading> : null}
      {messages.isError ? <LoadError message={t('messages.loadError')} retryLabel={t('record.retry')} onRetry={() => void messages.refetch()} /> : null}
      {messages.isSuccess ? (
        <>
          {unreadCount > 0 ? <p>{t('messages.unreadCount', { count: String(unreadCount) })}</p> : null}
          {items.length === 0 ? <p>{t('messages.none')}</p> : null}
          {items.length > 0 ? (
            <RecordList label={t('messages.conversation')}>
              {items.map((message) => (
                <li key={message.id} className={`record-list__item ${message.unread ? 'record-list__item--highlight' : ''} ${message.author.isMe ? 'message--mine' : ''}`}>
                  <MetaLine
                    className="record-list__meta"
                    parts={[
                      message.unread ? <span key="u" className="record-list__marker">{t('messages.unread')}</span> : null,
                      <time key="d" dateTime={message.createdAt}>{formatShortDate(message.createdAt, language)}</time>,
                      formatTime(message.createdAt, language),
                      <Author key="a" author={message.author} />,
                    ]}
                  />
                  <PlainText text={message.body} />
                </li>
              ))}
            </RecordList>
          ) : null}
          {messages.hasNextPage ? (
            <Button variant="secondary" aria-disabled={messages.isFetchingNextPage} onClick={() => !messages.isFetchingNextPage && void messages.fetchNextPage()}>
              {t('messages.loadOlder')}
            </Button>
          ) : null}
        </>
      ) : null}
    </div>
  )
}
