import { type FormEvent, useRef, useState } from 'react'
import { MESSAGE_MAX_LENGTH } from '@shared/schemas/messages.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { Button } from '@/components/ui/button.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import { TextArea } from '@/components/ui/text-area.tsx'
import { errorMessage } from '@/lib/error-message.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'

/** How a side sends: its mutation's `mutate`, so the form learns of success and failure. */
export type SendMessage = (text: string, outcome: { onSuccess: () => void; onError: (error: unknown) => void }) => void

/**
 * A message to write: "Nieuw bericht" in the portal, "Antwoord" in the workspace. Plain text
 * up to the limit, checked here first (empty or too long: said at the field, which gets focus)
 * and again on the server. `id` names the field; its heading and hint take ids from it.
 */
export function MessageForm({
  id,
  title,
  label,
  sentText,
  rows,
  classNames,
  pending,
  onSend,
}: {
  id: string
  title: string
  label: string
  sentText: string
  rows: number
  classNames: { form: string; hint: string }
  pending: boolean
  onSend: SendMessage
}) {
  const t = useT()
  const [language] = useLanguage()
  const [body, setBody] = useState('')
  const [problem, setProblem] = useState<string | undefined>()
  const [sent, setSent] = useState(false)
  const fieldRef = useRef<HTMLTextAreaElement>(null)
  const left = MESSAGE_MAX_LENGTH - [...body.trim()].length

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (pending) return
    const text = body.trim()
    const check = !text ? t('messages.empty') : left < 0 ? t('messages.tooLong', { max: String(MESSAGE_MAX_LENGTH) }) : undefined
    setSent(false)
    setProblem(check)
    if (check) return fieldRef.current?.focus()
    onSend(text, {
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
    <form className={classNames.form} onSubmit={onSubmit} noValidate aria-labelledby={`${id}-titel`}>
      <h2 id={`${id}-titel`}>{title}</h2>
      <TextArea
        id={id}
        textAreaRef={fieldRef}
        label={label}
        rows={rows}
        value={body}
        error={problem}
        describedBy={`${id}-uitleg`}
        onChange={(event) => {
          setBody(event.target.value)
          setSent(false)
        }}
      />
      <p id={`${id}-uitleg`} className={classNames.hint}>
        {left >= 0 ? t('messages.charactersLeft', { left: String(left), max: String(MESSAGE_MAX_LENGTH) }) : t('messages.charactersOver', { over: String(-left) })}
      </p>
      <Actions>
        <Button type="submit" aria-disabled={pending}>
          {t('messages.send')}
        </Button>
      </Actions>
      {pending ? <p role="status">{t('messages.sending')}</p> : null}
      {sent ? <Notice>{sentText}</Notice> : null}
    </form>
  )
}
