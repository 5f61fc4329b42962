import { useId } from 'react'
import { NavLink } from 'react-router'
import { MenuIcon } from '@/components/ui/icons.tsx'
import { ADMIN_PAGES, type AdminPage } from '@/features/admin/admin-paths.ts'
import { useSession } from '@/features/auth/hooks/use-session.ts'
import type { MessageKey } from '@/i18n/nl.ts'
import { useT } from '@/i18n/use-t.ts'
import { usePageDisclosure } from '@/lib/use-page-disclosure.ts'
import './side-menu.css'

const ITEMS: { page: AdminPage; label: MessageKey }[] = [
  { page: 'accounts', label: 'admin.menu.accounts' },
  { page: 'news', label: 'admin.menu.news' },
  { page: 'terms', label: 'admin.menu.terms' },
  { page: 'organisation', label: 'admin.menu.organisation' },
  { page: 'staff', label: 'admin.menu.staff' },
  { page: 'accessLog', label: 'admin.menu.accessLog' },
]

/**
 * The administrators' menu, the same disclosure as the portal's side menu (and its CSS):
 * folded behind a button on a phone, always open from 48rem wide. Below the sections, the
 * way back: the workspace for those who are caregivers too, and Mijn profiel.
 */
export function AdminMenu({ className = '' }: { className?: string }) {
  const t = useT()
  const listId = useId()
  const [open, setOpen] = usePageDisclosure()
  const session = useSession()
  const caregiver = session.status === 'authenticated' && session.staff?.caregiver === true
  return (
    <nav className={`side-menu ${className}`} aria-label={t('admin.menu.label')}>
      <button type="button" className="side-menu__toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        <MenuIcon />
        {t('admin.menu.toggle')}
      </button>
      <ul id={listId} className={`side-menu__list ${open ? 'side-menu__list--open' : ''}`}>
        {ITEMS.map((item) => (
          <li key={item.page}>
            <NavLink to={ADMIN_PAGES[item.page]} className="side-menu__link">
              {t(item.label)}
            </NavLink>
          </li>
        ))}
        {caregiver ? (
          <li>
            <NavLink to="/werkplek" end className="side-menu__link">
              {t('admin.menu.workspace')}
            </NavLink>
          </li>
        ) : null}
        <li>
          <NavLink to="/mijn-profiel" className="side-menu__link">
            {t('userMenu.profile')}
          </NavLink>
        </li>
      </ul>
    </nav>
  )
}
