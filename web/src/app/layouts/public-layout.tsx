import { Outlet } from 'react-router'
import { MAIN_ID } from '../app-shell.tsx'
import { RouteSuspense } from '../route-suspense.tsx'
import './layouts.css'

/** Pages for people who are not logged in: only the main content, no portal menu. */
export function PublicLayout() {
  return (
    <main id={MAIN_ID} tabIndex={-1} className="page">
      <RouteSuspense>
          <Outlet />
        </RouteSuspense>
    </main>
  )
}
