import { Navigate } from 'react-router'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { useSession } from '@/features/auth/hooks/use-session.ts'
import { ClientsPage } from '@/features/workspace/clients/components/clients-page.tsx'
import { InboxPage } from '@/features/workspace/inbox/components/inbox-page.tsx'
import { WORKSPACE_CLIENTS } from '@/features/workspace/workspace-paths.ts'
import { useT } from '@/i18n/use-t.ts'
import { PageTitle } from '../page-title.tsx'

/**
 * Where staff land after login (/werkplek): caregivers on their clients, administrators who
 * care for no one on Beheer; anyone else (no role left) reads why there is nothing here.
 */
export function WorkspaceStart() {
  const t = useT()
  const session = useSession()
  const staff = session.status === 'authenticated' ? session.staff : null
  if (staff?.caregiver) return <Navigate to={WORKSPACE_CLIENTS} replace />
  if (staff?.administrator) return <Navigate to="/beheer" replace />
  return (
    <div className="card card--narrow">
      <PageTitle title={t('workspace.title')} />
      <PageHeading>{t('workspace.title')}</PageHeading>
      <p>{t('workspace.noRole')}</p>
    </div>
  )
}

/** "Cliënten", with its document title. */
export function WorkspaceClientsRoute() {
  const t = useT()
  return (
    <>
      <PageTitle title={t('workspace.clients.title')} />
      <ClientsPage />
    </>
  )
}

/** "Berichten", the inbox, with its document title. */
export function WorkspaceInboxRoute() {
  const t = useT()
  return (
    <>
      <PageTitle title={t('workspace.inbox.title')} />
      <InboxPage />
    </>
  )
}
