import { Route, Routes } from 'react-router'
import type { MessageKey } from '@/i18n/nl.ts'
import { AppShell } from './app-shell.tsx'
import { RequirePortalAccess, RequireSession, SessionAwareLayout } from './guards.tsx'
import { PortalLayout } from './layouts/portal-layout.tsx'
import { PublicLayout } from './layouts/public-layout.tsx'
import { AcceptTermsPage } from './routes/accept-terms-page.tsx'
import { ChangePasswordPage } from './routes/change-password-page.tsx'
import { ForgotPasswordPage } from './routes/forgot-password-page.tsx'
import { HomePage } from './routes/home-page.tsx'
import { LoginPage } from './routes/login-page.tsx'
import { MyProfilePage } from './routes/my-profile-page.tsx'
import { NotFoundPage } from './routes/not-found-page.tsx'
import { SectionNotReadyPage } from './routes/section-not-ready-page.tsx'
import { SetPasswordPage } from './routes/set-password-page.tsx'
import { TermsPage } from './routes/terms-page.tsx'

/** Sections of the portal menu whose pages come with the portal issue. */
const SECTIONS_NOT_READY: { path: string; title: MessageKey }[] = [
  { path: 'profiel', title: 'menu.profile' },
  { path: 'rapportages', title: 'menu.reports' },
  { path: 'clientplanafdrukken', title: 'menu.carePlanPrints' },
  { path: 'berichten', title: 'menu.messages' },
  { path: 'afspraken', title: 'menu.appointments' },
  { path: 'abonnementen', title: 'menu.subscriptions' },
  { path: 'wie-heeft-mijn-dossier-ingezien', title: 'menu.accessLog' },
]

/**
 * Every address of the web app. Dutch paths, because people read and share them.
 * - public: logging in, passwords by e-mail link;
 * - logged in, before anything else: a new password, then the terms of use;
 * - the portal: logged in with nothing owed, under the portal menu.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route element={<PublicLayout />}>
          <Route index element={<LoginPage />} />
          <Route path="inloggen" element={<LoginPage />} />
          <Route path="wachtwoord-vergeten" element={<ForgotPasswordPage />} />
          <Route path="wachtwoord-instellen" element={<SetPasswordPage />} />
        </Route>
        <Route element={<RequireSession />}>
          <Route element={<PublicLayout />}>
            <Route path="wachtwoord-wijzigen" element={<ChangePasswordPage />} />
            <Route path="akkoord-gebruikersvoorwaarden" element={<AcceptTermsPage />} />
          </Route>
        </Route>
        <Route element={<RequirePortalAccess />}>
          <Route element={<PortalLayout />}>
            <Route path="home" element={<HomePage />} />
            <Route path="mijn-profiel" element={<MyProfilePage />} />
            {SECTIONS_NOT_READY.map(({ path, title }) => (
              <Route key={path} path={path} element={<SectionNotReadyPage title={title} />} />
            ))}
          </Route>
        </Route>
        <Route element={<SessionAwareLayout />}>
          <Route path="gebruikersvoorwaarden" element={<TermsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  )
}
