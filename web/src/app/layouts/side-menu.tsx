import type { Section } from '@shared/schemas/clients.ts'
import { useCurrentClient } from '@/features/clients/hooks/use-current-client.ts'
import { type ClientPage, clientPath } from '@/lib/client-record-paths.ts'
import type { MessageKey } from '@/i18n/nl.ts'
import { useT } from '@/i18n/use-t.ts'
import { DisclosureMenu, MenuLink } from './disclosure-menu.tsx'

/** The sections of the portal, in the order of the Topaz manual; `section` is the permission its link needs. */
const MENU_ITEMS: { page: ClientPage; label: MessageKey; section?: Section; granter?: true }[] = [
  { page: 'home', label: 'menu.home' },
  { page: 'profile', label: 'menu.profile', section: 'profile' },
  { page: 'reports', label: 'menu.reports', section: 'reports' },
  { page: 'carePlanPrints', label: 'menu.carePlanPrints', section: 'care_plan' },
  { page: 'messages', label: 'menu.messages', section: 'messages' },
  { page: 'appointments', label: 'menu.appointments', section: 'appointments' },
  { page: 'subscriptions', label: 'menu.subscriptions', section: 'subscriptions' },
  { page: 'accessLog', label: 'menu.accessLog' },
  { page: 'recordCopy', label: 'menu.recordCopy' },
  { page: 'grants', label: 'menu.grants', granter: true },
]

/**
 * The portal menu, folded behind "Menu" on a phone (DisclosureMenu). The links lead into the current client's record (or the one
 * shown last); sections that client's link may not open are left out. Without a client
 * (none linked, or several and none chosen yet) only Home shows, where the person chooses.
 */
export function SideMenu({ className = '' }: { className?: string }) {
  const t = useT()
  const { client } = useCurrentClient()
  // "Iemand toegang geven" for the client themself and a legal representative (the page says when the organisation or the client's capacity rules it out).
  const granter = client?.relation === 'self' || client?.relation === 'legal_representative'
  const items = client ? MENU_ITEMS.filter((item) => (!item.section || client.sections.includes(item.section)) && (!item.granter || granter)) : MENU_ITEMS.slice(0, 1)

  return (
    <DisclosureMenu label={t('menu.label')} toggle={t('menu.toggle')} className={className}>
      {items.map((item) => (
        <MenuLink key={item.page} to={client ? clientPath(client.clientId, item.page) : '/home'}>
          {t(item.label)}
        </MenuLink>
      ))}
    </DisclosureMenu>
  )
}
