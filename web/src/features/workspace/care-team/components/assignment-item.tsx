import { type FormEvent, useState } from 'react'
import type { CareAssignment } from '@shared/schemas/workspace-record.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { MetaLine } from '@/components/ui/meta-line.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import { formatPeriod } from '@/lib/dates.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { dutchDay } from '@/lib/dutch-time.ts'
import { useEndAssignment } from '../api/end-assignment.ts'
import { ROLE_LABELS } from './role-labels.ts'
import { usePanel } from '../../use-panel.ts'

/** One assignment: role, team or person, discipline, from–until; "Beëindigen" asks for the last day. */
export function AssignmentItem({ clientId, assignment }: { clientId: string; assignment: CareAssignment }) {
  const t = useT()
  const [language] = useLanguage()
  const { open: ending, setOpen: setEnding, buttonRef, headingRef: formRef } = usePanel<HTMLFormElement>()
  const [lastDay, setLastDay] = useState(dutchDay(0))
  const [problem, setProblem] = useState<string | undefined>()
  const end = useEndAssignment(clientId)
  const who = assignment.team ? (assignment.team.location ? `${assignment.team.name} (${assignment.team.location})` : assignment.team.name) : (assignment.staff?.name ?? '')
  const today = dutchDay(0)
  const status = assignment.activeToday ? t('workspace.careTeam.activeToday') : assignment.validFrom > today ? t('workspace.careTeam.future') : t('workspace.careTeam.ended')
  const canEnd = assignment.validUntil === null || assignment.validUntil >= today
  const id = `einde-${assignment.id}`

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (end.isPending) return
    const check = !/^\d{4}-\d{2}-\d{2}$/.test(lastDay) ? t('workspace.careTeam.lastDayRequired') : lastDay < assignment.validFrom ? t('workspace.careTeam.untilBeforeFrom') : undefined
    setProblem(check)
    if (check) return document.getElementById(id)?.focus()
    end.mutate({ assignmentId: assignment.id, validUntil: lastDay }, { onSuccess: () => setEnding(false) })
  }

  return (
    <li className="record-list__item">
      <article aria-label={`${t(ROLE_LABELS[assignment.role])}: ${who}`}>
        <MetaLine className="record-list__meta" parts={[t(ROLE_LABELS[assignment.role]), who, assignment.discipline]} />
        <p>
          {t('workspace.careTeam.period', { period: formatPeriod(assignment.validFrom, assignment.validUntil, language) })}{' '}
          <span className={assignment.activeToday ? 'record-list__marker' : 'workspace-status'}>{status}</span>
        </p>
        {canEnd && !ending ? (
          <Actions>
            <Button ref={buttonRef} variant="secondary" aria-label={`${t('workspace.careTeam.end')}: ${t(ROLE_LABELS[assignment.role])} ${who}`} onClick={() => { end.reset(); setEnding(true) }}>
              {t('workspace.careTeam.end')}
            </Button>
          </Actions>
        ) : null}
        {ending ? (
          <form ref={formRef} tabIndex={-1} className="workspace-confirm" onSubmit={submit} noValidate aria-label={t('workspace.careTeam.endTitle', { who })}>
            {end.error ? <Alert>{errorMessage(end.error, language)}</Alert> : null}
            <TextField id={id} type="date" label={t('workspace.careTeam.lastDay')} value={lastDay} required error={problem} onChange={(event) => setLastDay(event.target.value)} />
            <Actions>
              <Button type="submit" aria-disabled={end.isPending}>{t('workspace.careTeam.endConfirm')}</Button>
              <Button variant="secondary" onClick={() => setEnding(false)}>{t('record.cancel')}</Button>
            </Actions>
          </form>
        ) : null}
      </article>
    </li>
  )
}
