import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { formatWeekdayDay } from '@/lib/dates.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { useCareTeamToday } from '../api/get-care-team-today.ts'

function Names({ items }: { items: string[] }) {
  const t = useT()
  if (items.length === 0) return <dd>{t('clientProfile.nobody')}</dd>
  return (
    <dd>
      <ul className="client-profile__names">
        {items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    </dd>
  )
}

/** "Wie heeft er vandaag toegang tot mijn dossier?": teams, disciplines, responsible staff and practitioners of today. */
export function CareTeamToday({ clientId }: { clientId: string }) {
  const t = useT()
  const [language] = useLanguage()
  const team = useCareTeamToday(clientId)
  return (
    <section className="client-profile__section" aria-labelledby="toegang-vandaag">
      <h2 id="toegang-vandaag">{t('clientProfile.accessToday')}</h2>
      {team.isPending ? <Loading>{t('clientProfile.teamLoading')}</Loading> : null}
      {team.isError ? <LoadError message={t('clientProfile.teamLoadError')} retryLabel={t('record.retry')} onRetry={() => void team.refetch()} /> : null}
      {team.data ? (
        <>
          <p>{t('clientProfile.accessTodayIntro', { date: formatWeekdayDay(team.data.date, language) })}</p>
          <dl className="client-profile__facts">
            <dt>{t('clientProfile.teams')}</dt>
            <Names items={team.data.teams.map((item) => (item.location ? `${item.name} (${item.location})` : item.name))} />
            <dt>{t('clientProfile.disciplines')}</dt>
            <Names items={team.data.disciplines} />
            <dt>{t('clientProfile.responsible')}</dt>
            <Names items={team.data.responsible.map((item) => `${item.name}, ${item.role === 'evv' ? t('clientProfile.evv') : item.discipline}`)} />
            <dt>{t('clientProfile.practitioners')}</dt>
            <Names items={team.data.practitioners.map((item) => `${item.name}, ${item.discipline}`)} />
          </dl>
        </>
      ) : null}
    </section>
  )
}
