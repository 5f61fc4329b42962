import { type FormEvent, useState } from 'react'
import { APPOINTMENT_TEXT_MAX, type AppointmentRequest } from '@shared/schemas/appointments.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import { errorMessage } from '@/lib/error-message.ts'
import type { MessageKey } from '@/i18n/nl.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'

type Field = keyof AppointmentRequest
type Problems = Partial<Record<Field, MessageKey>>

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

function check(values: AppointmentRequest, titleRequired: MessageKey): Problems {
  const problems: Problems = {}
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) problems.date = 'appointments.dateRequired'
  if (!TIME.test(values.startTime)) problems.startTime = 'appointments.startRequired'
  if (!TIME.test(values.endTime)) problems.endTime = 'appointments.endRequired'
  else if (TIME.test(values.startTime) && values.endTime <= values.startTime) problems.endTime = 'appointments.endAfterStart'
  if (!values.title.trim()) problems.title = titleRequired
  return problems
}

/**
 * Date, start and end time, what, where, with whom: a new appointment or a change to one, in
 * the portal (one's own) and in the workspace (any of the client's). Checked here first (the
 * first wrong field gets focus) and again on the server; the feature sends it.
 */
export function AppointmentForm({
  idPrefix,
  initial,
  submitLabel,
  titleRequired,
  classNames,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  idPrefix: string
  initial?: AppointmentRequest
  submitLabel: string
  /** What an empty "Wat" says: each side gives its own example. */
  titleRequired: MessageKey
  /** The form's and the time row's class: the portal's and the workspace's layout differ. */
  classNames: { form: string; times: string }
  pending: boolean
  error: unknown
  onSubmit: (request: AppointmentRequest) => void
  onCancel: () => void
}) {
  const t = useT()
  const [language] = useLanguage()
  const [values, setValues] = useState<AppointmentRequest>({
    date: initial?.date ?? '',
    startTime: initial?.startTime ?? '',
    endTime: initial?.endTime ?? '',
    title: initial?.title ?? '',
    location: initial?.location ?? '',
    withWhom: initial?.withWhom ?? '',
  })
  const [problems, setProblems] = useState<Problems>({})

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (pending) return
    const found = check(values, titleRequired)
    setProblems(found)
    const first = Object.keys(found)[0]
    if (first) return document.getElementById(`${idPrefix}-${first}`)?.focus()
    onSubmit({ ...values, title: values.title.trim(), location: values.location.trim(), withWhom: values.withWhom.trim() })
  }

  const field = (name: Field, label: MessageKey, type: 'text' | 'date' | 'time' = 'text') => (
    <TextField
      id={`${idPrefix}-${name}`}
      type={type}
      label={t(label)}
      value={values[name]}
      error={problems[name] ? t(problems[name]) : undefined}
      maxLength={type === 'text' ? APPOINTMENT_TEXT_MAX : undefined}
      required={name !== 'location' && name !== 'withWhom'}
      onChange={(event) => setValues({ ...values, [name]: event.target.value })}
    />
  )

  return (
    <form className={classNames.form} onSubmit={submit} noValidate>
      {error ? <Alert>{errorMessage(error, language)}</Alert> : null}
      {field('date', 'appointments.date', 'date')}
      <div className={classNames.times}>
        {field('startTime', 'appointments.start', 'time')}
        {field('endTime', 'appointments.end', 'time')}
      </div>
      {field('title', 'appointments.what')}
      {field('location', 'appointments.where')}
      {field('withWhom', 'appointments.withWhom')}
      <Actions>
        <Button type="submit" aria-disabled={pending}>
          {submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('record.cancel')}
        </Button>
      </Actions>
    </form>
  )
}
