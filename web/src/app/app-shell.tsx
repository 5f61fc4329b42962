import { Link, Outlet } from 'react-router'
import { SkipLink } from '@/components/ui/skip-link.tsx'
import { IdleTimeout } from '@/features/auth/components/idle-timeout.tsx'
import { useSession } from '@/features/auth/hooks/use-session.ts'
import { useBrandingTheme } from '@/features/organisation/hooks/use-branding-theme.ts'
import { useT } from '@/i18n/use-t.ts'
import { AppHeader } from './app-header.tsx'
import { RouteSuspense } from './route-suspense.tsx'
import './app-shell.css'

/** The id of <main> on every page, target of the skip link. */
export const MAIN_ID = 'inhoud'

/**
 * What every page shares: skip link first, then the header; the layout below decides the
 * rest. While logged in, the idle timeout watches on every page.
 *
 * Header and page together are at least a screen high (app-shell.css), so the footer starts
 * below the first screen whatever the page shows: a short "Even geduld" while the session,
 * a layout or the page's data loads, then the page itself. Otherwise the footer would come
 * into view and be pushed out again with every step (a layout shift each time).
 */
export function AppShell() {
  const t = useT()
  const session = useSession()
  useBrandingTheme()
  return (
    <>
      <div className="app-shell__screen">
        <SkipLink targetId={MAIN_ID}>{t('app.skipLink')}</SkipLink>
        <AppHeader />
        <RouteSuspense>
          <Outlet />
        </RouteSuspense>
      </div>
      <footer className="app-footer">
        <nav className="app-footer__inner" aria-label={t('footer.label')}>
          <Link to="/gebruikersvoorwaarden">{t('footer.terms')}</Link>
        </nav>
      </footer>
      {session.status === 'authenticated' ? <IdleTimeout idleTimeoutSeconds={session.idleTimeoutSeconds} /> : null}
    </>
  )
}
