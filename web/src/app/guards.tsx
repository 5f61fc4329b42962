import { Link, Navigate, Outlet, useLocation } from 'react-router'
import { Button } from '@/components/ui/button.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { type Session, useSession } from '@/features/auth/hooks/use-session.ts'
import { type LoginPageState, lastLogoutReason } from '@/features/auth/hooks/use-logout.ts'
import { useT } from '@/i18n/use-t.ts'
import { MAIN_ID } from './app-shell.tsx'
import { PortalLayout, WorkspaceLayout } from './layouts/lazy-layouts.ts'
import { PublicLayout } from './layouts/public-layout.tsx'

/** Where a logged-in person must go first, before anything else; null when nothing is owed. */
export function owedStep(session: Session): string | null {
  if (session.status !== 'authenticated') return null
  if (session.mustChangePassword) return '/wachtwoord-wijzigen'
  if (session.mustAcceptTerms) return '/akkoord-gebruikersvoorwaarden'
  return null
}

/** While the session is being read, or could not be read: a calm page instead of a flash of the wrong one. */
function SessionPending({ session }: { session: Extract<Session, { status: 'loading' | 'error' }> }) {
  const t = useT()
  return (
    <main id={MAIN_ID} tabIndex={-1} className="page">
      {session.status === 'loading' ? (
        <p role="status">{t('app.loading')}</p>
      ) : (
        <div role="alert" className="card card--narrow">
          <p>{t('app.sessionError')}</p>
          <Button variant="secondary" onClick={session.retry}>
            {t('app.retry')}
          </Button>
        </div>
      )}
    </main>
  )
}

/** Pages for a logged-in person, also while a new password or the terms are still owed. */
export function RequireSession() {
  const session = useSession()
  const { pathname } = useLocation()
  if (session.status === 'loading' || session.status === 'error') return <SessionPending session={session} />
  if (session.status === 'anonymous') return <Navigate to="/inloggen" replace state={{ from: pathname, notice: lastLogoutReason() } satisfies LoginPageState} />
  return <Outlet />
}

/** The portal itself: logged in, with nothing owed; otherwise to the login page or to what is owed first. */
export function RequirePortalAccess() {
  const session = useSession()
  const { pathname } = useLocation()
  if (session.status === 'loading' || session.status === 'error') return <SessionPending session={session} />
  if (session.status === 'anonymous') return <Navigate to="/inloggen" replace state={{ from: pathname, notice: lastLogoutReason() } satisfies LoginPageState} />
  const owed = owedStep(session)
  if (owed) return <Navigate to={owed} replace />
  return <Outlet />
}

/** Pages anyone may read (terms, not found): with the portal or workspace menu for a logged-in person, without for others. */
export function SessionAwareLayout() {
  const session = useSession()
  if (session.status !== 'authenticated' || owedStep(session) !== null) return <PublicLayout />
  return session.kind === 'staff' ? <WorkspaceLayout /> : <PortalLayout />
}

/** Where a portal session whose way in is no longer enough is asked to log in more strongly. */
export const STEP_UP_PATH = '/veiliger-inloggen'

/**
 * The client portal is for portal accounts; staff who land on it (after login, say) go to their
 * workspace. A portal session that must step up goes to the page that asks for it, since every
 * page here reads the record; Mijn profiel is outside this guard, so a passkey or app can be
 * added first.
 */
export function PortalAccountsOnly() {
  const session = useSession()
  if (session.status === 'authenticated' && session.kind === 'staff') return <Navigate to="/werkplek" replace />
  if (session.status === 'authenticated' && session.stepUpRequired) return <Navigate to={STEP_UP_PATH} replace />
  return <Outlet />
}

/**
 * The workspace (/werkplek) is for staff; a portal account goes to the portal. A staff session
 * started with an SMS code only may just set up an app or passkey, in Mijn profiel.
 * Inside RequirePortalAccess, so the session is known and nothing is owed.
 */
export function RequireStaff() {
  const session = useSession()
  if (session.status !== 'authenticated' || session.kind !== 'staff') return <Navigate to="/home" replace />
  if (session.staff?.secondFactorSetupRequired) return <Navigate to="/mijn-profiel" replace />
  return <Outlet />
}

/** Mijn profiel, for everyone logged in: under the workspace menu for staff, the portal menu for others. */
export function AccountLayout() {
  const session = useSession()
  return session.status === 'authenticated' && session.kind === 'staff' ? <WorkspaceLayout /> : <PortalLayout />
}

/**
 * The administrators' pages: only for staff with the administrator role now. The server
 * refuses every /api/admin request of anyone else anyway; this only spares them a page of
 * errors. A session started with an SMS code must first enrol an app or passkey.
 */
export function RequireAdministrator() {
  // Its texts are the administrators' (admin.*): the router shows it once those are loaded.
  const t = useT()
  const session = useSession()
  if (session.status !== 'authenticated') return <Outlet />
  const staff = session.kind === 'staff' ? session.staff : null
  if (staff?.administrator && !staff.secondFactorSetupRequired) return <Outlet />
  return (
    <main id={MAIN_ID} tabIndex={-1} className="page">
      <div className="card card--narrow">
        <PageHeading>{t('admin.notAllowed.title')}</PageHeading>
        <p>{staff?.administrator ? t('admin.setupRequired') : t('admin.notAllowed.body')}</p>
        {staff?.administrator ? (
          <p>
            <Link to="/mijn-profiel">{t('admin.toProfile')}</Link>
          </p>
        ) : null}
      </div>
    </main>
  )
}
