import { type ReactNode, useId } from 'react'
import { NavLink } from 'react-router'
import { MenuIcon } from '@/components/ui/icons.tsx'
import { usePageDisclosure } from '@/lib/use-page-disclosure.ts'
import './side-menu.css'

/**
 * The one disclosure the portal, workspace and admin menus share: on a phone the list folds
 * behind a toggle button (aria-expanded, aria-controls); from 48rem wide the CSS hides the button
 * and the list always shows. It closes after choosing a page, so the phone shows that page.
 * `children` are the list items, usually MenuLinks.
 */
export function DisclosureMenu({ label, toggle, className, children }: { label: string; toggle: string; className: string; children: ReactNode }) {
  const listId = useId()
  const [open, setOpen] = usePageDisclosure()
  return (
    <nav className={`side-menu ${className}`} aria-label={label}>
      <button type="button" className="side-menu__toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        <MenuIcon />
        {toggle}
      </button>
      <ul id={listId} className={`side-menu__list ${open ? 'side-menu__list--open' : ''}`}>
        {children}
      </ul>
    </nav>
  )
}

/** One item of a DisclosureMenu; NavLink marks the current page with aria-current="page". */
export function MenuLink({ to, end, children }: { to: string; end?: boolean; children: ReactNode }) {
  return (
    <li>
      <NavLink to={to} end={end} className="side-menu__link">
        {children}
      </NavLink>
    </li>
  )
}
