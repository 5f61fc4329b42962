import { Outlet } from 'react-router'
import { SkipLink } from '@/components/ui/skip-link.tsx'
import { useBrandingTheme } from '@/features/organisation/hooks/use-branding-theme.ts'
import { useT } from '@/i18n/use-t.ts'
import { AppHeader } from './app-header.tsx'

/** The id of <main> on every page, target of the skip link. */
export const MAIN_ID = 'inhoud'

/** What every page shares: skip link first, then the header; the layout below decides the rest. */
export function AppShell() {
  const t = useT()
  useBrandingTheme()
  return (
    <>
      <SkipLink targetId={MAIN_ID}>{t('app.skipLink')}</SkipLink>
      <AppHeader />
      <Outlet />
    </>
  )
}
