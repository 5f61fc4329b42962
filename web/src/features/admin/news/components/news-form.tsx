import { type FormEvent, useRef, useState } from 'react'
import type { AdminNewsItem, NewsRequest } from '@shared/schemas/admin-organisation.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { TextArea } from '@/components/ui/text-area.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import type { MessageKey } from '@/i18n/nl.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { dutchDay, dutchMomentIso, dutchTime } from '@/lib/dutch-time.ts'
import { useSaveNews } from '../api/save-news.ts'

type Field = 'title' | 'body' | 'from' | 'until'

/** A new news item or a change: title, text and the publication window (day and time, Dutch time). */
export function NewsForm({ item, onDone }: { item: AdminNewsItem | null; onDone: (saved: boolean) => void }) {
  const t = useT()
  const [language] = useLanguage()
  const save = useSaveNews()
  const [title, setTitle] = useState(item?.title ?? '')
  const [body, setBody] = useState(item?.body ?? '')
  const [fromDay, setFromDay] = useState(item ? dutchDay(0, new Date(item.publishFrom)) : dutchDay())
  const [fromTime, setFromTime] = useState(item ? dutchTime(new Date(item.publishFrom)) : '00:00')
  const [untilDay, setUntilDay] = useState(item?.publishUntil ? dutchDay(0, new Date(item.publishUntil)) : '')
  const [untilTime, setUntilTime] = useState(item?.publishUntil ? dutchTime(new Date(item.publishUntil)) : '23:59')
  const [errors, setErrors] = useState<Partial<Record<Field, MessageKey>>>({})
  const formRef = useRef<HTMLFormElement>(null)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const found: Partial<Record<Field, MessageKey>> = {}
    if (!title.trim()) found.title = 'admin.news.titleRequired'
    if (!body.trim()) found.body = 'admin.news.bodyRequired'
    const publishFrom = dutchMomentIso(fromDay, fromTime || '00:00')
    if (!publishFrom) found.from = 'admin.news.fromRequired'
    const publishUntil = untilDay ? dutchMomentIso(untilDay, untilTime || '23:59') : null
    if (publishFrom && publishUntil && publishUntil <= publishFrom) found.until = 'admin.news.untilBeforeFrom'
    setErrors(found)
    if (Object.keys(found).length > 0 || !publishFrom) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
      return
    }
    const request: NewsRequest = { title: title.trim(), body: body.trim(), publishFrom, publishUntil }
    save.mutate({ newsId: item?.id ?? null, request }, { onSuccess: () => onDone(true) })
  }
  const error = (field: Field) => (errors[field] ? t(errors[field]) : undefined)

  return (
    <section className="admin-section" aria-labelledby="nieuws-formulier">
      <h2 id="nieuws-formulier">{item ? t('admin.news.editTitle') : t('admin.news.new')}</h2>
      {save.error ? <Alert>{errorMessage(save.error, language)}</Alert> : null}
      <form ref={formRef} className="admin-form" onSubmit={onSubmit} noValidate>
        <TextField id="nieuws-titel" label={t('admin.news.field.title')} value={title} maxLength={200} error={error('title')} onChange={(event) => setTitle(event.target.value)} />
        <TextArea id="nieuws-tekst" label={t('admin.news.field.body')} value={body} maxLength={4000} rows={5} error={error('body')} onChange={(event) => setBody(event.target.value)} />
        <fieldset className="admin-fieldset">
          <legend>{t('admin.news.field.publishFrom')}</legend>
          <TextField id="nieuws-vanaf-datum" type="date" label={t('admin.news.date')} value={fromDay} error={error('from')} onChange={(event) => setFromDay(event.target.value)} />
          <TextField id="nieuws-vanaf-tijd" type="time" label={t('admin.news.time')} value={fromTime} onChange={(event) => setFromTime(event.target.value)} />
        </fieldset>
        <fieldset className="admin-fieldset">
          <legend>{t('admin.news.field.publishUntil')}</legend>
          <TextField id="nieuws-tot-datum" type="date" label={t('admin.news.date')} value={untilDay} error={error('until')} onChange={(event) => setUntilDay(event.target.value)} />
          <TextField id="nieuws-tot-tijd" type="time" label={t('admin.news.time')} value={untilTime} onChange={(event) => setUntilTime(event.target.value)} />
        </fieldset>
        <Actions>
          <Button type="submit" aria-disabled={save.isPending}>
            {t('admin.news.submit')}
          </Button>
          <Button variant="secondary" onClick={() => onDone(false)}>
            {t('admin.cancel')}
          </Button>
        </Actions>
      </form>
    </section>
  )
}
