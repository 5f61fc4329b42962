import { useId } from 'react'
import { NavLink } from 'react-router'
import { MenuIcon } from '@/components/ui/icons.tsx'
import { useSession } from '@/features/auth/hooks/use-session.ts'
import { useInbox } from '@/features/workspace/inbox/api/get-inbox.ts'
import { WORKSPACE_CLIENTS, WORKSPACE_INBOX } from '@/features/workspace/workspace-paths.ts'
import { usePageDisclosure } from '@/lib/use-page-disclosure.ts'
import { useT } from '@/i18n/use-t.ts'
import './side-menu.css'

/**
 * The workspace's own menu: Cliënten and Berichten (with the unread count) for caregivers,
 * Beheer for administrators. The same disclosure as the portal menu: folded behind "Menu"
 * on a phone, always open from 48rem wide.
 */
export function WorkspaceMenu({ className = '' }: { className?: string }) {
  const t = useT()
  const listId = useId()
  const [open, setOpen] = usePageDisclosure()
  const session = useSession()
  const staff = session.status === 'authenticated' ? session.staff : null
  const caregiver = Boolean(staff?.caregiver && !staff.secondFactorSetupRequired)
  const inbox = useInbox({ enabled: caregiver })
  const unread = inbox.data?.unreadTotal ?? 0

  return (
    <nav className={`side-menu ${className}`} aria-label={t('workspace.menu.label')}>
      <button type="button" className="side-menu__toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        <MenuIcon />
        {t('menu.toggle')}
      </button>
      <ul id={listId} className={`side-menu__list ${open ? 'side-menu__list--open' : ''}`}>
        {caregiver ? (
          <>
            <li>
              <NavLink to={WORKSPACE_CLIENTS} className="side-menu__link">
                {t('workspace.menu.clients')}
              </NavLink>
            </li>
            <li>
              <NavLink to={WORKSPACE_INBOX} end className="side-menu__link">
                {t('workspace.menu.inbox')}
                {unread > 0 ? ' ' : null}
                {unread > 0 ? (
                  <span className="side-menu__count">
                    {unread}
                    <span className="visually-hidden"> {t('workspace.menu.unread')}</span>
                  </span>
                ) : null}
              </NavLink>
            </li>
          </>
        ) : null}
        {staff?.administrator && !staff.secondFactorSetupRequired ? (
          <li>
            <NavLink to="/beheer" className="side-menu__link">
              {t('workspace.menu.admin')}
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
