import { Outlet } from 'react-router'
import { Notice } from '@/components/ui/notice.tsx'
import { useSession } from '@/features/auth/hooks/use-session.ts'
import { useT } from '@/i18n/use-t.ts'
import { MAIN_ID } from '../app-shell.tsx'
import { RouteSuspense } from '../route-suspense.tsx'
import { WorkspaceMenu } from './workspace-menu.tsx'
import './layouts.css'

// The workspace record pages' wrapper comes with this layout's JavaScript (see portal-layout.tsx).
export { WorkspaceClientRoute } from '../routes/workspace-client-route.tsx'

/**
 * The layout for staff: the workspace menu beside the content on wide screens (a ward
 * tablet held sideways), above it and folded on a phone. A staff session started with an
 * SMS code only may do nothing but set up an app or passkey; the notice says so.
 */
export function WorkspaceLayout() {
  const t = useT()
  const session = useSession()
  const setupRequired = session.status === 'authenticated' && session.staff?.secondFactorSetupRequired === true
  return (
    <div className="page portal-layout">
      <WorkspaceMenu className="portal-layout__menu" />
      <main id={MAIN_ID} tabIndex={-1} className="portal-layout__content">
        {setupRequired ? (
          <div className="workspace-layout__notice">
            <Notice>
              <p>{t('workspace.setupRequired')}</p>
            </Notice>
          </div>
        ) : null}
        <RouteSuspense>
          <Outlet />
        </RouteSuspense>
      </main>
    </div>
  )
}
