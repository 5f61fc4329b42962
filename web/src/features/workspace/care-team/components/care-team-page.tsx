import { useState } from 'react'
import type { CareTeamToday } from '@shared/schemas/client-profile.ts'
import { Button } from '@/components/ui/button.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { RecordList } from '@/components/ui/record-list.tsx'
import { formatWeekdayDay } from '@/lib/dates.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { useCareTeam } from '../api/get-care-team.ts'
import { AssignmentForm } from './assignment-form.tsx'
import { AssignmentItem } from './assignment-item.tsx'
import { usePanel } from '../../use-panel.ts'
import '../../workspace.css'

function Names({ items }: { items: string[] }) {
  const t = useT()
  if (items.length === 0) return <dd>{t('clientProfile.nobody')}</dd>
  return (
    <dd>
      <ul className="workspace-names">
        {items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    </dd>
  )
}

/** What the portal shows today under "Wie heeft er vandaag toegang tot mijn dossier?". */
function Today({ today }: { today: CareTeamToday }) {
  const t = useT()
  const [language] = useLanguage()
  return (
    <section aria-labelledby="zorgteam-vandaag">
      <h2 id="zorgteam-vandaag">{t('workspace.careTeam.todayTitle')}</h2>
      <p>{t('workspace.careTeam.todayIntro', { date: formatWeekdayDay(today.date, language) })}</p>
      <dl className="workspace-facts">
        <dt>{t('clientProfile.teams')}</dt>
        <Names items={today.teams.map((item) => (item.location ? `${item.name} (${item.location})` : item.name))} />
        <dt>{t('clientProfile.disciplines')}</dt>
        <Names items={today.disciplines} />
        <dt>{t('clientProfile.responsible')}</dt>
        <Names items={today.responsible.map((item) => `${item.name}, ${item.role === 'evv' ? t('clientProfile.evv') : item.discipline}`)} />
        <dt>{t('clientProfile.practitioners')}</dt>
        <Names items={today.practitioners.map((item) => `${item.name}, ${item.discipline}`)} />
      </dl>
    </section>
  )
}

/** "Zorgteam": the EVV-er, teams, disciplines and practitioners, from when until when; add or end an assignment. */
export function CareTeamPage({ clientId }: { clientId: string }) {
  const t = useT()
  const team = useCareTeam(clientId)
  const { open: adding, setOpen: setAdding, buttonRef, headingRef } = usePanel()
  const [added, setAdded] = useState(false)
  return (
    <div className="card">
      <PageHeading>{t('workspace.careTeam.title')}</PageHeading>
      <p>{t('workspace.careTeam.intro')}</p>
      {team.isPending ? <Loading>{t('clientProfile.teamLoading')}</Loading> : null}
      {team.isError ? <LoadError message={t('clientProfile.teamLoadError')} retryLabel={t('record.retry')} onRetry={() => void team.refetch()} /> : null}
      {team.data ? <Today today={team.data.today} /> : null}
      <h2>{t('workspace.careTeam.assignments')}</h2>
      {added ? <Notice>{t('workspace.careTeam.added')}</Notice> : null}
      {adding ? (
        <section className="workspace-panel" aria-labelledby="toewijzing-titel">
          <h3 id="toewijzing-titel" ref={headingRef} tabIndex={-1}>{t('workspace.careTeam.new')}</h3>
          <AssignmentForm clientId={clientId} onDone={() => { setAdding(false); setAdded(true) }} onCancel={() => setAdding(false)} />
        </section>
      ) : (
        <Button ref={buttonRef} onClick={() => { setAdding(true); setAdded(false) }}>{t('workspace.careTeam.new')}</Button>
      )}
      {team.data && team.data.assignments.length === 0 ? <p>{t('workspace.careTeam.none')}</p> : null}
      {team.data && team.data.assignments.length > 0 ? (
        <RecordList label={t('workspace.careTeam.assignments')}>
          {team.data.assignments.map((assignment) => (
            <AssignmentItem key={assignment.id} clientId={clientId} assignment={assignment} />
          ))}
        </RecordList>
      ) : null}
    </div>
  )
}
