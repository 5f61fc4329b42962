import { MessageForm } from '@/components/record/message-form.tsx'
import { Conversation } from '@/components/record/message-list.tsx'
import { Actions } from '@/components/ui/actions.tsx'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { errorMessage } from '@/lib/error-message.ts'
import { pagedList } from '@/lib/paged-list.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { useConversation } from '../api/get-conversation.ts'
import { useMarkRead } from '../api/mark-read.ts'
import { useSendReply } from '../api/send-reply.ts'
import '../../workspace.css'

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
  const send = useSendReply(clientId)
  const { items, state } = pagedList(messages)
  const unreadCount = messages.data?.pages[0]?.unreadCount ?? 0
  const newest = items[0]?.id

  return (
    <div className="card">
      <PageHeading>{t('menu.messages')}</PageHeading>
      <p>{t('workspace.messages.intro')}</p>
      <MessageForm
        id="antwoord"
        title={t('workspace.messages.replyTitle')}
        label={t('workspace.messages.replyLabel')}
        sentText={t('workspace.messages.sent')}
        rows={4}
        classNames={{ form: 'workspace-panel', hint: 'workspace-form__hint' }}
        pending={send.isPending}
        onSend={send.mutate}
      />
      <Conversation
        messages={items}
        {...state}
        summary={
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
          </>
        }
      />
    </div>
  )
}
