import { Outlet } from 'react-router'
import { PasskeyOffer } from '@/features/profile/components/passkey-offer.tsx'
import { MAIN_ID } from '../app-shell.tsx'
import { RouteSuspense } from '../route-suspense.tsx'
import { SideMenu } from './side-menu.tsx'
import './layouts.css'

// The record pages' wrapper comes with this layout's JavaScript, not with the login page's:
// router.tsx loads it from here, so it is in before the layout shows a page.
export { ClientRecordRoute } from '../routes/client-record-route.tsx'

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
