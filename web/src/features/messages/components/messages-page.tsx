import { useEffect, useRef } from 'react'
import { MessageForm } from '@/components/record/message-form.tsx'
import { MessageList } from '@/components/record/message-list.tsx'
import { Button } from '@/components/ui/button.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { useT } from '@/i18n/use-t.ts'
import { useMarkMessagesRead } from '../api/mark-messages-read.ts'
import { useMessages } from '../api/get-messages.ts'
import { useSendMessage } from '../api/send-message.ts'
import './messages.css'

/** "Berichten": the conversation with the care team, newest first, and a form to write. */
export function MessagesPage({ clientId }: { clientId: string }) {
  const t = useT()
  const messages = useMessages(clientId)
  const markRead = useMarkMessagesRead(clientId)
  const send = useSendMessage(clientId)
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
      <MessageForm
        id="nieuw-bericht"
        title={t('messages.newTitle')}
        label={t('messages.newLabel')}
        sentText={t('messages.sent')}
        rows={5}
        classNames={{ form: 'message-form', hint: 'message-form__hint' }}
        pending={send.isPending}
        onSend={send.mutate}
      />
      <h2>{t('messages.conversation')}</h2>
      {messages.isPending ? <Loading>{t('messages.loading')}</Loading> : null}
      {messages.isError ? <LoadError message={t('messages.loadError')} retryLabel={t('record.retry')} onRetry={() => void messages.refetch()} /> : null}
      {messages.isSuccess ? (
        <>
          {unreadCount > 0 ? <p>{t('messages.unreadCount', { count: String(unreadCount) })}</p> : null}
          {items.length === 0 ? <p>{t('messages.none')}</p> : null}
          {items.length > 0 ? (
            <MessageList label={t('messages.conversation')} messages={items} markMine />
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
