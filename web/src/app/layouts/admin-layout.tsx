import { Outlet } from 'react-router'
import { MAIN_ID } from '../app-shell.tsx'
import { RouteSuspense } from '../route-suspense.tsx'
import { AdminMenu } from './admin-menu.tsx'
import './layouts.css'

/**
 * The administrators' pages (/beheer): their own menu beside the content on wide screens,
 * folded above it on a phone; the grid is the portal layout's.
 */
export function AdminLayout() {
  return (
    <div className="page portal-layout">
      <AdminMenu className="portal-layout__menu" />
      <main id={MAIN_ID} tabIndex={-1} className="portal-layout__content">
        <RouteSuspense>
          <Outlet />
        </RouteSuspense>
      </main>
    </div>
  )
}
