import { ClientFacts } from '@/components/record/client-facts.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { useT } from '@/i18n/use-t.ts'
import { useClientProfile } from '../api/get-client-profile.ts'
import { useRevealBsn } from '../api/reveal-bsn.ts'
import { CareTeamToday } from './care-team-today.tsx'
import './client-profile.css'

/** "Profiel" (the full profile, "Volledig profiel"): the client's data and who has access today. */
export function ClientProfilePage({ clientId }: { clientId: string }) {
  const t = useT()
  const profile = useClientProfile(clientId)
  const reveal = useRevealBsn(clientId)
  return (
    <div className="card client-profile">
      <PageHeading>{t('menu.profile')}</PageHeading>
      {profile.isPending ? <Loading>{t('clientProfile.loading')}</Loading> : null}
      {profile.isError ? <LoadError message={t('clientProfile.loadError')} retryLabel={t('record.retry')} onRetry={() => void profile.refetch()} /> : null}
      {profile.data ? <ClientFacts profile={profile.data} reveal={reveal} classNames={{ section: 'client-profile__section', facts: 'client-profile__facts', bsn: 'client-profile__bsn' }} /> : null}
      <CareTeamToday clientId={clientId} />
    </div>
  )
}
