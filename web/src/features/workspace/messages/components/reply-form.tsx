import { type FormEvent, useRef, useState } from 'react'
import { MESSAGE_MAX_LENGTH } from '@shared/schemas/messages.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { Button } from '@/components/ui/button.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import { TextArea } from '@/components/ui/text-area.tsx'
import { errorMessage } from '@/lib/error-message.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { useSendReply } from '../api/send-reply.ts'

/** "Antwoord": plain text up to the limit, checked here first and again on the server. */
export function ReplyForm({ clientId }: { clientId: string }) {
  const t = useT()
  const [language] = useLanguage()
  const [body, setBody] = useState('')
  const [problem, setProblem] = useState<string | undefined>()
  const [sent, setSent] = useState(false)
  const fieldRef = useRef<HTMLTextAreaElement>(null)
  const send = useSendReply(clientId)
  const left = MESSAGE_MAX_LENGTH - [...body.trim()].length

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (send.isPending) return
    const text = body.trim()
    const check = !text ? t('messages.empty') : left < 0 ? t('messages.tooLong', { max: String(MESSAGE_MAX_LENGTH) }) : undefined
    setSent(false)
    setProblem(check)
    if (check) return fieldRef.current?.focus()
    send.mutate(text, {
      onSuccess: () => {
        setBody('')
        setSent(true)
      },
      onError: (error) => {
        setProblem(errorMessage(error, language))
        fieldRef.current?.focus()
      },
    })
  }

  return (
    <form className="workspace-panel" onSubmit={onSubmit} noValidate aria-labelledby="antwoord-titel">
      <h2 id="antwoord-titel">{t('workspace.messages.replyTitle')}</h2>
      <TextArea id="antwoord" textAreaRef={fieldRef} label={t('workspace.messages.replyLabel')} rows={4} value={body} error={problem} describedBy="antwoord-uitleg"
        onChange={(event) => { setBody(event.target.value); setSent(false) }} />
      <p id="antwoord-uitleg" className="workspace-form__hint">
        {left >= 0 ? t('messages.charactersLeft', { left: String(left), max: String(MESSAGE_MAX_LENGTH) }) : t('messages.charactersOver', { over: String(-left) })}
      </p>
      <Actions>
        <Button type="submit" aria-disabled={send.isPending}>
          {t('messages.send')}
        </Button>
      </Actions>
      {send.isPending ? <p role="status">{t('messages.sending')}</p> : null}
      {sent ? <Notice>{t('workspace.messages.sent')}</Notice> : null}
    </form>
  )
}
