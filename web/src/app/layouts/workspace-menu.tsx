import { useSession } from '@/features/auth/hooks/use-session.ts'
import { useInbox } from '@/features/workspace/inbox/api/get-inbox.ts'
import { WORKSPACE_CLIENTS, WORKSPACE_INBOX } from '@/features/workspace/workspace-paths.ts'
import { useT } from '@/i18n/use-t.ts'
import { DisclosureMenu, MenuLink } from './disclosure-menu.tsx'

/**
 * The workspace's own menu: Cliënten and Berichten (with the unread count) for caregivers,
 * Beheer for administrators. The same disclosure as the portal menu: folded behind "Menu"
 * on a phone, always open from 48rem wide.
 */
export function WorkspaceMenu({ className = '' }: { className?: string }) {
  const t = useT()
  const session = useSession()
  const staff = session.status === 'authenticated' ? session.staff : null
  const caregiver = Boolean(staff?.caregiver && !staff.secondFactorSetupRequired)
  const inbox = useInbox({ enabled: caregiver })
  const unread = inbox.data?.unreadTotal ?? 0

  return (
    <DisclosureMenu label={t('workspace.menu.label')} toggle={t('menu.toggle')} className={className}>
      {caregiver ? (
        <>
          <MenuLink to={WORKSPACE_CLIENTS}>{t('workspace.menu.clients')}</MenuLink>
          <MenuLink to={WORKSPACE_INBOX} end>
            {t('workspace.menu.inbox')}
            {unread > 0 ? ' ' : null}
            {unread > 0 ? (
              <span className="side-menu__count">
                {unread}
                <span className="visually-hidden"> {t('workspace.menu.unread')}</span>
              </span>
            ) : null}
          </MenuLink>
        </>
      ) : null}
      {staff?.administrator && !staff.secondFactorSetupRequired ? <MenuLink to="/beheer">{t('workspace.menu.admin')}</MenuLink> : null}
      <MenuLink to="/mijn-profiel">{t('userMenu.profile')}</MenuLink>
    </DisclosureMenu>
  )
}
