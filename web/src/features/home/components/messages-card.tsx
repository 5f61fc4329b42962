import { type FormEvent, useId, useState } from 'react'
import { MESSAGE_MAX_LENGTH, type Message } from '@shared/schemas/messages.ts'
import { Button } from '@/components/ui/button.tsx'
import { ButtonLink } from '@/components/ui/button-link.tsx'
import { MetaLine } from '@/components/ui/meta-line.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import { PlainText } from '@/components/ui/plain-text.tsx'
import { TextArea } from '@/components/ui/text-area.tsx'
import { clientPath } from '@/lib/client-record-paths.ts'
import { formatShortDate, formatTime } from '@/lib/dates.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { useSendMessageFromHome } from '../api/send-message.ts'
import { HomeCard } from './home-card.tsx'

export function MessagesCard({ clientId, messages, unreadCount }: { clientId: string; messages: Message[]; unreadCount: number }) {
  const t = useT()
  const [language] = useLanguage()
  const fieldId = useId()
  const [body, setBody] = useState('')
  const [problem, setProblem] = useState<string | undefined>()
  const send = useSendMessageFromHome(clientId)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const text = body.trim()
    if (!text) return setProblem(t('messages.empty'))
    if ([...text].length > MESSAGE_MAX_LENGTH) return setProblem(t('messages.tooLong', { max: String(MESSAGE_MAX_LENGTH) }))
    setProblem(undefined)
    send.mutate(text, { onSuccess: () => setBody(''), onError: (error) => setProblem(errorMessage(error, language)) })
  }

  return (
    <HomeCard title={t('menu.messages')} actions={<ButtonLink to={clientPath(clientId, 'messages')}>{t('homeCards.allMessages')}</ButtonLink>}>
      <p>
        {t('homeCards.messagesIntro')}
        {unreadCount > 0 ? <span className="home-card__unread">{t('messages.unreadCount', { count: String(unreadCount) })}</span> : null}
      </p>
      {messages.length > 0 ? (
        <ul className="home-card__list" aria-label={t('homeCards.newestMessages')}>
          {messages.map((message) => (
            <li key={message.id}>
              <MetaLine
                className="home-card__meta"
                parts={[
                  <time key="d" dateTime={message.createdAt}>{formatShortDate(message.createdAt, language)}</time>,
                  formatTime(message.createdAt, language),
                  message.author.isMe ? t('messages.me') : message.author.name,
                  message.unread ? <strong key="u">{t('messages.unread')}</strong> : null,
                ]}
              />
              <PlainText text={message.body} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('messages.none')}</p>
      )}
      <form onSubmit={onSubmit} noValidate>
        <TextArea id={fieldId} label={t('messages.newLabel')} rows={3} value={body} error={problem} onChange={(event) => setBody(event.target.value)} />
        <div className="home-card__actions">
          <Button type="submit" aria-disabled={send.isPending}>
            {t('homeCards.send')}
          </Button>
        </div>
        {send.isSuccess && !body ? <Notice>{t('messages.sent')}</Notice> : null}
      </form>
    </HomeCard>
  )
}
