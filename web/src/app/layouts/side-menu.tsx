import { useId } from 'react'
import { NavLink } from 'react-router'
import { MenuIcon } from '@/components/ui/icons.tsx'
import type { Section } from '@shared/schemas/clients.ts'
import { useCurrentClient } from '@/features/clients/hooks/use-current-client.ts'
import { type ClientPage, clientPath } from '@/lib/client-record-paths.ts'
import type { MessageKey } from '@/i18n/nl.ts'
import { usePageDisclosure } from '@/lib/use-page-disclosure.ts'
import { useT } from '@/i18n/use-t.ts'
import './side-menu.css'

/** The sections of the portal, in the order of the Topaz manual; `section` is the permission its link needs. */
const MENU_ITEMS: { page: ClientPage; label: MessageKey; section?: Section }[] = [
  { page: 'home', label: 'menu.home' },
  { page: 'profile', label: 'menu.profile', section: 'profile' },
  { page: 'reports', label: 'menu.reports', section: 'reports' },
  { page: 'carePlanPrints', label: 'menu.carePlanPrints', section: 'care_plan' },
  { page: 'messages', label: 'menu.messages', section: 'messages' },
  { page: 'appointments', label: 'menu.appointments', section: 'appointments' },
  { page: 'subscriptions', label: 'menu.subscriptions', section: 'subscriptions' },
  { page: 'accessLog', label: 'menu.accessLog' },
  { page: 'recordCopy', label: 'menu.recordCopy' },
]

/**
 * The portal menu. On a phone it folds behind a "Menu" button; from 48rem wide the
 * button is hidden by CSS and the list always shows. NavLink marks the current page
 * with aria-current="page". The links lead into the current client's record (or the one
 * shown last); sections that client's link may not open are left out. Without a client
 * (none linked, or several and none chosen yet) only Home shows, where the person chooses.
 */
export function SideMenu({ className = '' }: { className?: string }) {
  const t = useT()
  const listId = useId()
  // Closes after choosing a page, so the phone shows that page.
  const [open, setOpen] = usePageDisclosure()
  const { client } = useCurrentClient()
  const items = client ? MENU_ITEMS.filter((item) => !item.section || client.sections.includes(item.section)) : MENU_ITEMS.slice(0, 1)

  return (
    <nav className={`side-menu ${className}`} aria-label={t('menu.label')}>
      <button
        type="button"
        className="side-menu__toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        <MenuIcon />
        {t('menu.toggle')}
      </button>
      <ul id={listId} className={`side-menu__list ${open ? 'side-menu__list--open' : ''}`}>
        {items.map((item) => (
          <li key={item.page}>
            <NavLink to={client ? clientPath(client.clientId, item.page) : '/home'} className="side-menu__link">
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
