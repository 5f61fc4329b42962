import { ClientFacts } from '@/components/record/client-facts.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { useT } from '@/i18n/use-t.ts'
import { useWorkspaceProfile } from '../api/get-profile.ts'
import { useRevealBsn } from '../api/reveal-bsn.ts'
import '../../workspace.css'

/** "Profiel" in the workspace: the client's data as the portal shows it, the BSN masked until asked for. */
export function WorkspaceProfilePage({ clientId }: { clientId: string }) {
  const t = useT()
  const profile = useWorkspaceProfile(clientId)
  const reveal = useRevealBsn(clientId)
  return (
    <div className="card">
      <PageHeading>{t('menu.profile')}</PageHeading>
      {profile.isPending ? <Loading>{t('clientProfile.loading')}</Loading> : null}
      {profile.isError ? <LoadError message={t('clientProfile.loadError')} retryLabel={t('record.retry')} onRetry={() => void profile.refetch()} /> : null}
      {profile.data ? <ClientFacts profile={profile.data} reveal={reveal} classNames={{ facts: 'workspace-facts', bsn: 'workspace-bsn' }} /> : null}
    </div>
  )
}
