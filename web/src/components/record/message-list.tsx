import type { ReactNode } from 'react'
import type { LinkRelation } from '@shared/schemas/clients.ts'
import type { Message } from '@shared/schemas/messages.ts'
import { Button } from '@/components/ui/button.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { MetaLine } from '@/components/ui/meta-line.tsx'
import { PlainText } from '@/components/ui/plain-text.tsx'
import { RecordList } from '@/components/ui/record-list.tsx'
import { formatShortDate, formatTime } from '@/lib/dates.ts'
import type { PagedListState } from '@/lib/paged-list.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'

const RELATIONS = new Set<string>(['self', 'legal_representative', 'first_contact', 'second_contact', 'informal_carer'])

/** "Ik", or the name with the relation ("Eerste contactpersoon") or the staff member's role. */
function Author({ author }: { author: Message['author'] }) {
  const t = useT()
  if (author.isMe) return <span>{t('messages.me')}</span>
  const role = author.kind === 'account' && RELATIONS.has(author.role) ? t(`record.relation.${author.role as LinkRelation}`) : author.role
  return <span>{role ? `${author.name} (${role})` : author.name}</span>
}

/**
 * A conversation, newest first: unread ones highlighted and marked, each with its day, time and
 * author, the body as plain text. `markMine` sets one's own messages apart (the portal does).
 */
export function MessageList({ label, messages, markMine = false }: { label: string; messages: readonly Message[]; markMine?: boolean }) {
  const t = useT()
  const [language] = useLanguage()
  return (
    <RecordList label={label}>
      {messages.map((message) => (
        <li
          key={message.id}
          className={`record-list__item ${message.unread ? 'record-list__item--highlight' : ''}${markMine ? ` ${message.author.isMe ? 'message--mine' : ''}` : ''}`}
        >
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
  )
}

/**
 * "Gesprek": the heading, the loading and error states, and once loaded what the side puts
 * above the messages (`summary`: the unread count, the workspace's "Markeer als gelezen"),
 * "Nog geen berichten" or the list, and "Oudere berichten laden". The feature fetches.
 */
export function Conversation({
  messages,
  pending,
  failed,
  loaded,
  empty,
  hasMore,
  loadingMore,
  onRetry,
  onLoadMore,
  summary,
  markMine = false,
}: PagedListState & {
  messages: readonly Message[]
  summary: ReactNode
  markMine?: boolean
}) {
  const t = useT()
  return (
    <>
      <h2>{t('messages.conversation')}</h2>
      {pending ? <Loading>{t('messages.loading')}</Loading> : null}
      {failed ? <LoadError message={t('messages.loadError')} retryLabel={t('record.retry')} onRetry={onRetry} /> : null}
      {loaded ? (
        <>
          {summary}
          {empty ? <p>{t('messages.none')}</p> : null}
          {messages.length > 0 ? <MessageList label={t('messages.conversation')} messages={messages} markMine={markMine} /> : null}
          {hasMore ? (
            <Button variant="secondary" aria-disabled={loadingMore} onClick={() => !loadingMore && onLoadMore()}>
              {t('messages.loadOlder')}
            </Button>
          ) : null}
        </>
      ) : null}
    </>
  )
}
