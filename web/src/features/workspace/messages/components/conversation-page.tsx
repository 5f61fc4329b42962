import type { WorkspaceMessage } from '@shared/schemas/workspace.ts'
import type { LinkRelation } from '@shared/schemas/clients.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { MetaLine } from '@/components/ui/meta-line.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { PlainText } from '@/components/ui/plain-text.tsx'
import { RecordList } from '@/components/ui/record-list.tsx'
import { formatShortDate, formatTime } from '@/lib/dates.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { useConversation } from '../api/get-conversation.ts'
import { useMarkRead } from '../api/mark-read.ts'
import { ReplyForm } from './reply-form.tsx'
import '../../workspace.css'

const RELATIONS = new Set<string>(['self', 'legal_representative', 'first_contact', 'second_contact', 'informal_carer'])

function Author({ author }: { author: WorkspaceMessage['author'] }) {
  const t = useT()
  if (author.isMe) return <span>{t('messages.me')}</span>
  const role = author.kind === 'account' && RELATIONS.has(author.role) ? t(`record.relation.${author.role as LinkRelation}`) : author.role
  return <span>{role ? `${author.name} (${role})` : author.name}</span>
}

/**
 * "Berichten" of one client: the conversation with the linked accounts, which the whole team
 * sees and answers. Reading is not marking: "Markeer als gelezen" is a deliberate act, so an
 * EVV-er who glances at a message does not hide it from their own inbox count.
 */
export function ConversationPage({ clientId }: { clientId: string }) {
  const t = useT()
  const [language] = useLanguage()
  const messages = useConversation(clientId)
  const markRead = useMarkRead(clientId)
  const items = messages.data?.pages.flatMap((page) => page.items) ?? []
  const unreadCount = messages.data?.pages[0]?.unreadCount ?? 0
  const newest = items[0]?.id

  return (
    <div className="card">
      <PageHeading>{t('menu.messages')}</PageHeading>
      <p>{t('workspace.messages.intro')}</p>
      <ReplyForm clientId={clientId} />
      <h2>{t('messages.conversation')}</h2>
      {messages.isPending ? <Loading>{t('messages.loading')}</Loading> : null}
      {messages.isError ? <LoadError message={t('messages.loadError')} retryLabel={t('record.retry')} onRetry={() => void messages.refetch()} /> : null}
      {messages.isSuccess ? (
        <>
          <p role="status">{unreadCount > 0 ? t('messages.unreadCount', { count: String(unreadCount) }) : t('workspace.messages.allRead')}</p>
          {unreadCount > 0 && newest ? (
            <Actions>
              <Button variant="secondary" aria-disabled={markRead.isPending} onClick={() => !markRead.isPending && markRead.mutate(newest)}>
                {t('workspace.messages.markRead')}
              </Button>
            </Actions>
          ) : null}
          {markRead.isError ? <Alert>{errorMessage(markRead.error, language)}</Alert> : null}
          {items.length === 0 ? <p>{t('messages.none')}</p> : null}
          {items.length > 0 ? (
            <RecordList label={t('messages.conversation')}>
              {items.map((message) => (
                <li key={message.id} className={`record-list__item ${message.unread ? 'record-list__item--highlight' : ''}`}>
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
