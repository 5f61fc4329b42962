import { type FormEvent, useState } from 'react'
import { Actions } from '@/components/ui/actions.tsx'
import { Button } from '@/components/ui/button.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import { useT } from '@/i18n/use-t.ts'
import type { ReportFilters as Filters } from '../api/get-reports.ts'

/** Search words and a period; applied with the button, so the list does not jump while typing. */
export function ReportFilters({ onApply }: { onApply: (filters: Filters) => void }) {
  const t = useT()
  const [q, setQ] = useState('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [problem, setProblem] = useState<string | undefined>()

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (from && to && to < from) return setProblem(t('record.periodInvalid'))
    setProblem(undefined)
    onApply({ q: q.trim().slice(0, 100), from, to })
  }
  const onClear = () => {
    setQ('')
    setFrom('')
    setTo('')
    setProblem(undefined)
    onApply({})
  }

  return (
    <form role="search" aria-label={t('reports.searchLabel')} className="record-filters" onSubmit={onSubmit} noValidate>
      <TextField id="rapportages-zoeken" type="search" label={t('reports.search')} value={q} maxLength={100} onChange={(event) => setQ(event.target.value)} />
      <div className="record-filters__period">
        <TextField id="rapportages-vanaf" type="date" label={t('record.from')} value={from} error={problem} onChange={(event) => setFrom(event.target.value)} />
        <TextField id="rapportages-tot" type="date" label={t('record.to')} value={to} onChange={(event) => setTo(event.target.value)} />
      </div>
      <Actions>
        <Button type="submit">{t('reports.searchButton')}</Button>
        <Button variant="secondary" onClick={onClear}>
          {t('record.clearFilters')}
        </Button>
      </Actions>
    </form>
  )
}
