import { type FormEvent, useState } from 'react'
import { REPORT_GOAL_MAX, REPORT_TEXT_MAX, type ReportRequest, type WorkspaceReport } from '@shared/schemas/workspace-record.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { Checkbox } from '@/components/ui/checkbox.tsx'
import { TextArea } from '@/components/ui/text-area.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import { errorMessage } from '@/lib/error-message.ts'
import type { MessageKey } from '@/i18n/nl.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { dutchDay, dutchMomentIso, dutchTime } from '@/lib/dutch-time.ts'

type Values = { date: string; time: string; carePlanGoal: string; text: string; visibleInPortal: boolean }
type Problems = Partial<Record<'date' | 'time' | 'carePlanGoal' | 'text', MessageKey>>

function check(values: Values): Problems {
  const problems: Problems = {}
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) problems.date = 'workspace.reports.dateRequired'
  if (!/^\d{2}:\d{2}$/.test(values.time)) problems.time = 'workspace.reports.timeRequired'
  else if (!problems.date && !dutchMomentIso(values.date, values.time)) problems.time = 'workspace.reports.timeInvalid'
  if ([...values.carePlanGoal.trim()].length > REPORT_GOAL_MAX) problems.carePlanGoal = 'workspace.reports.goalTooLong'
  if (!values.text.trim()) problems.text = 'workspace.reports.textRequired'
  else if ([...values.text.trim()].length > REPORT_TEXT_MAX) problems.text = 'workspace.reports.textTooLong'
  return problems
}

/**
 * Writing a report, or correcting one's own: the moment it is about (Dutch time), the goal of
 * the care plan, the text, and "Zichtbaar in portaal". Checked here first, and again on the server.
 */
export function ReportForm({
  idPrefix, initial, submitLabel, pending, error, onSubmit, onCancel,
}: {
  idPrefix: string
  initial?: WorkspaceReport
  submitLabel: string
  pending: boolean
  error: unknown
  onSubmit: (request: ReportRequest) => void
  onCancel: () => void
}) {
  const t = useT()
  const [language] = useLanguage()
  const [values, setValues] = useState<Values>(() => {
    const at = initial ? new Date(initial.reportedAt) : new Date()
    return {
      date: dutchDay(0, at),
      time: dutchTime(at),
      carePlanGoal: initial?.carePlanGoal ?? '',
      text: initial?.text ?? '',
      visibleInPortal: initial?.visibleInPortal ?? true,
    }
  })
  const [problems, setProblems] = useState<Problems>({})

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (pending) return
    const found = check(values)
    setProblems(found)
    const first = Object.keys(found)[0]
    const reportedAt = dutchMomentIso(values.date, values.time)
    if (first || !reportedAt) return document.getElementById(`${idPrefix}-${first ?? 'time'}`)?.focus()
    onSubmit({ reportedAt, carePlanGoal: values.carePlanGoal.trim(), text: values.text.trim(), visibleInPortal: values.visibleInPortal })
  }
  const problem = (name: keyof Problems) => (problems[name] ? t(problems[name], { max: String(name === 'text' ? REPORT_TEXT_MAX : REPORT_GOAL_MAX) }) : undefined)

  return (
    <form className="workspace-form" onSubmit={submit} noValidate>
      {error ? <Alert>{errorMessage(error, language)}</Alert> : null}
      <div className="workspace-form__row">
        <TextField id={`${idPrefix}-date`} type="date" label={t('workspace.reports.date')} value={values.date} required error={problem('date')}
          onChange={(event) => setValues({ ...values, date: event.target.value })} />
        <TextField id={`${idPrefix}-time`} type="time" label={t('workspace.reports.time')} value={values.time} required error={problem('time')}
          onChange={(event) => setValues({ ...values, time: event.target.value })} />
      </div>
      <TextField id={`${idPrefix}-carePlanGoal`} label={t('workspace.reports.goal')} value={values.carePlanGoal} maxLength={REPORT_GOAL_MAX} error={problem('carePlanGoal')}
        onChange={(event) => setValues({ ...values, carePlanGoal: event.target.value })} />
      <TextArea id={`${idPrefix}-text`} label={t('workspace.reports.text')} rows={6} value={values.text} required error={problem('text')}
        onChange={(event) => setValues({ ...values, text: event.target.value })} />
      <Checkbox id={`${idPrefix}-visible`} label={t('workspace.reports.visible')} checked={values.visibleInPortal} aria-describedby={`${idPrefix}-visible-hint`}
        onChange={(event) => setValues({ ...values, visibleInPortal: event.target.checked })} />
      <p id={`${idPrefix}-visible-hint`} className="workspace-form__hint">{t('workspace.reports.visibleHint')}</p>
      <Actions>
        <Button type="submit" aria-disabled={pending}>
          {submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('record.cancel')}
        </Button>
      </Actions>
      {pending ? <p role="status">{t('workspace.saving')}</p> : null}
    </form>
  )
}
