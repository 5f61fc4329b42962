import { Route, Routes } from 'react-router'
import { AppShell } from './app-shell.tsx'
import { PublicLayout } from './layouts/public-layout.tsx'
import { ForgotPasswordPage } from './routes/forgot-password-page.tsx'
import { LoginPage } from './routes/login-page.tsx'
import { NotFoundPage } from './routes/not-found-page.tsx'

/**
 * Every address of the web app. Dutch paths, because people read and share them.
 * The logged-in pages will live under <PortalLayout> once logging in works.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route element={<PublicLayout />}>
          <Route index element={<LoginPage />} />
          <Route path="inloggen" element={<LoginPage />} />
          <Route path="wachtwoord-vergeten" element={<ForgotPasswordPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  )
}
