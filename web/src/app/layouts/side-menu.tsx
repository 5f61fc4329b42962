import { useId } from 'react'
import { NavLink } from 'react-router'
import { MenuIcon } from '@/components/ui/icons.tsx'
import type { MessageKey } from '@/i18n/nl.ts'
import { usePageDisclosure } from '@/lib/use-page-disclosure.ts'
import { useT } from '@/i18n/use-t.ts'
import './side-menu.css'

/** The sections of the portal, in the order of the Topaz manual. */
const MENU_ITEMS: { to: string; label: MessageKey }[] = [
  { to: '/home', label: 'menu.home' },
  { to: '/profiel', label: 'menu.profile' },
  { to: '/rapportages', label: 'menu.reports' },
  { to: '/clientplanafdrukken', label: 'menu.carePlanPrints' },
  { to: '/berichten', label: 'menu.messages' },
  { to: '/afspraken', label: 'menu.appointments' },
  { to: '/abonnementen', label: 'menu.subscriptions' },
  { to: '/wie-heeft-mijn-dossier-ingezien', label: 'menu.accessLog' },
]

/**
 * The portal menu. On a phone it folds behind a "Menu" button; from 48rem wide the
 * button is hidden by CSS and the list always shows. NavLink marks the current page
 * with aria-current="page".
 */
export function SideMenu({ className = '' }: { className?: string }) {
  const t = useT()
  const listId = useId()
  // Closes after choosing a page, so the phone shows that page.
  const [open, setOpen] = usePageDisclosure()

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
        {MENU_ITEMS.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} className="side-menu__link">
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
