import { type FormEvent, useState } from 'react'
import type { CareAssignmentRole, NewCareAssignment } from '@shared/schemas/workspace-record.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import { errorMessage } from '@/lib/error-message.ts'
import type { MessageKey } from '@/i18n/nl.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { dutchDay } from '@/lib/dutch-time.ts'
import { useAddAssignment } from '../api/add-assignment.ts'
import { useCareTeamDirectory } from '../api/get-directory.ts'
import { ROLE_LABELS } from './role-labels.ts'

type Problems = Partial<Record<'who' | 'validFrom' | 'validUntil', MessageKey>>

/** "Toewijzing toevoegen": a team (role team) or a staff member (EVV-er, responsible, practitioner) from a day, optionally until a day. */
export function AssignmentForm({ clientId, onDone, onCancel }: { clientId: string; onDone: () => void; onCancel: () => void }) {
  const t = useT()
  const [language] = useLanguage()
  const directory = useCareTeamDirectory(true)
  const add = useAddAssignment(clientId)
  const [role, setRole] = useState<CareAssignmentRole>('evv')
  const [who, setWho] = useState('')
  const [discipline, setDiscipline] = useState('')
  const [validFrom, setValidFrom] = useState(dutchDay(0))
  const [validUntil, setValidUntil] = useState('')
  const [problems, setProblems] = useState<Problems>({})
  const isTeam = role === 'team'

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (add.isPending) return
    const found: Problems = {}
    if (!who) found.who = isTeam ? 'workspace.careTeam.teamRequired' : 'workspace.careTeam.staffRequired'
    if (!/^\d{4}-\d{2}-\d{2}$/.test(validFrom)) found.validFrom = 'workspace.careTeam.fromRequired'
    if (validUntil && validUntil < validFrom) found.validUntil = 'workspace.careTeam.untilBeforeFrom'
    setProblems(found)
    const first = Object.keys(found)[0]
    if (first) return document.getElementById(`toewijzing-${first}`)?.focus()
    const staff = directory.data?.staff.find((s) => s.id === who)
    const request: NewCareAssignment = {
      role,
      teamId: isTeam ? who : null,
      staffMemberId: isTeam ? null : who,
      discipline: discipline.trim() || (staff?.discipline ?? ''),
      validFrom,
      validUntil: validUntil || null,
    }
    add.mutate(request, { onSuccess: onDone })
  }

  if (directory.isPending) return <Loading>{t('workspace.careTeam.directoryLoading')}</Loading>
  if (directory.isError) return <LoadError message={t('workspace.careTeam.directoryLoadError')} retryLabel={t('record.retry')} onRetry={() => void directory.refetch()} />
  const options = isTeam
    ? directory.data.teams.map((team) => ({ id: team.id, label: team.location ? `${team.name} (${team.location})` : team.name }))
    : directory.data.staff.map((staff) => ({ id: staff.id, label: staff.discipline ? `${staff.name}, ${staff.discipline}` : staff.name }))
  const whoError = problems.who ? t(problems.who) : undefined

  return (
    <form className="workspace-form" onSubmit={submit} noValidate>
      {add.error ? <Alert>{errorMessage(add.error, language)}</Alert> : null}
      <div className="text-field">
        <label className="text-field__label" htmlFor="toewijzing-role">{t('workspace.careTeam.role')}</label>
        <select id="toewijzing-role" className="text-field__input" value={role} onChange={(event) => { setRole(event.target.value as CareAssignmentRole); setWho('') }}>
          {(Object.keys(ROLE_LABELS) as CareAssignmentRole[]).map((option) => (
            <option key={option} value={option}>{t(ROLE_LABELS[option])}</option>
          ))}
        </select>
      </div>
      <div className={`text-field ${whoError ? 'text-field--invalid' : ''}`}>
        <label className="text-field__label" htmlFor="toewijzing-who">{isTeam ? t('workspace.careTeam.team') : t('workspace.careTeam.staffMember')}</label>
        {whoError ? <p className="text-field__error" id="toewijzing-who-fout">{whoError}</p> : null}
        <select id="toewijzing-who" className="text-field__input" value={who} required aria-invalid={whoError ? true : undefined} aria-describedby={whoError ? 'toewijzing-who-fout' : undefined}
          onChange={(event) => setWho(event.target.value)}>
          <option value="">{t('workspace.careTeam.choose')}</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>{option.label}</option>
          ))}
        </select>
      </div>
      <TextField id="toewijzing-discipline" label={t('workspace.careTeam.discipline')} describedBy="toewijzing-discipline-uitleg" value={discipline} maxLength={100} onChange={(event) => setDiscipline(event.target.value)} />
      <p id="toewijzing-discipline-uitleg" className="workspace-form__hint">{t('workspace.careTeam.disciplineHint')}</p>
      <div className="workspace-form__row">
        <TextField id="toewijzing-validFrom" type="date" label={t('workspace.careTeam.from')} value={validFrom} required error={problems.validFrom ? t(problems.validFrom) : undefined} onChange={(event) => setValidFrom(event.target.value)} />
        <TextField id="toewijzing-validUntil" type="date" label={t('workspace.careTeam.until')} value={validUntil} error={problems.validUntil ? t(problems.validUntil) : undefined} onChange={(event) => setValidUntil(event.target.value)} />
      </div>
      <Actions>
        <Button type="submit" aria-disabled={add.isPending}>{t('workspace.careTeam.add')}</Button>
        <Button variant="secondary" onClick={onCancel}>{t('record.cancel')}</Button>
      </Actions>
    </form>
  )
}
