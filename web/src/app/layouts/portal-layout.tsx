import { Outlet } from 'react-router'
import { PasskeyOffer } from '@/features/profile/components/passkey-offer.tsx'
import { MAIN_ID } from '../app-shell.tsx'
import { RouteSuspense } from '../route-suspense.tsx'
import { SideMenu } from './side-menu.tsx'
import './layouts.css'

/**
 * The layout once logged in: the portal menu beside the content on wide screens, above
 * it (folded) on a phone. Not routed yet, because nobody can log in yet; the pages of
 * the portal will be its child routes.
 */
export function PortalLayout() {
  return (
    <div className="page portal-layout">
      <SideMenu className="portal-layout__menu" />
      <main id={MAIN_ID} tabIndex={-1} className="portal-layout__content">
        <RouteSuspense>
          <Outlet />
        </RouteSuspense>
        {/* After the page's own heading and content, so the page still starts with its h1. */}
        <PasskeyOffer />
      </main>
    </div>
  )
}
