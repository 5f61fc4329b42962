import { ADMIN_PAGES, type AdminPage } from '@/features/admin/admin-paths.ts'
import { useSession } from '@/features/auth/hooks/use-session.ts'
import type { MessageKey } from '@/i18n/nl.ts'
import { useT } from '@/i18n/use-t.ts'
import { DisclosureMenu, MenuLink } from './disclosure-menu.tsx'

const ITEMS: { page: AdminPage; label: MessageKey }[] = [
  { page: 'accounts', label: 'admin.menu.accounts' },
  { page: 'news', label: 'admin.menu.news' },
  { page: 'terms', label: 'admin.menu.terms' },
  { page: 'organisation', label: 'admin.menu.organisation' },
  { page: 'staff', label: 'admin.menu.staff' },
  { page: 'clientGrants', label: 'admin.menu.clientGrants' },
  { page: 'accessLog', label: 'admin.menu.accessLog' },
]

/**
 * The administrators' menu, the same disclosure as the portal's side menu (and its CSS):
 * folded behind a button on a phone, always open from 48rem wide. Below the sections, the
 * way back: the workspace for those who are caregivers too, and Mijn profiel.
 */
export function AdminMenu({ className = '' }: { className?: string }) {
  const t = useT()
  const session = useSession()
  const caregiver = session.status === 'authenticated' && session.staff?.caregiver === true
  return (
    <DisclosureMenu label={t('admin.menu.label')} toggle={t('admin.menu.toggle')} className={className}>
      {ITEMS.map((item) => (
        <MenuLink key={item.page} to={ADMIN_PAGES[item.page]}>
          {t(item.label)}
        </MenuLink>
      ))}
      {caregiver ? (
        <MenuLink to="/werkplek" end>
          {t('admin.menu.workspace')}
        </MenuLink>
      ) : null}
      <MenuLink to="/mijn-profiel">{t('userMenu.profile')}</MenuLink>
    </DisclosureMenu>
  )
}
