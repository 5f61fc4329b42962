import { useEffect, useRef } from 'react'
import { MessageForm } from '@/components/record/message-form.tsx'
import { Conversation } from '@/components/record/message-list.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { pagedList } from '@/lib/paged-list.ts'
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
  const { items, state } = pagedList(messages)
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
      <Conversation
        messages={items}
        {...state}
        markMine
        summary={
          unreadCount > 0 ? <p>{t('messages.unreadCount', { count: String(unreadCount) })}</p> : null
        }
      />
    </div>
  )
}
