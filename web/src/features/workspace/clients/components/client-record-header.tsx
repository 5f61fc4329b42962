import { NavLink } from 'react-router'
import type { WorkspaceClient } from '@shared/schemas/workspace.ts'
import { formatDay } from '@/lib/dates.ts'
import type { MessageKey } from '@/i18n/nl.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { type WorkspaceClientPage, workspaceClientPath } from '../../workspace-paths.ts'
import '../../workspace.css'

const TABS: { page: WorkspaceClientPage; label: MessageKey }[] = [
  { page: 'reports', label: 'menu.reports' },
  { page: 'messages', label: 'menu.messages' },
  { page: 'appointments', label: 'menu.appointments' },
  { page: 'carePlanPrints', label: 'menu.carePlanPrints' },
  { page: 'careTeam', label: 'workspace.careTeam.title' },
  { page: 'subscriptions', label: 'menu.subscriptions' },
  { page: 'profile', label: 'menu.profile' },
]

/**
 * Whose record is open (name, client number, date of birth: on the ward two clients may share
 * a name) and its sections as links, wrapping onto more lines on a phone. NavLink marks the
 * open section with aria-current="page".
 */
export function ClientRecordHeader({ client }: { client: WorkspaceClient }) {
  const t = useT()
  const [language] = useLanguage()
  return (
    <div className="workspace-client">
      <p className="workspace-client__name">
        <span className="workspace-client__caption">{t('workspace.client.recordOf')}</span> {client.name}
      </p>
      <p className="workspace-client__facts">{t('workspace.clients.facts', { number: client.clientNumber, date: formatDay(client.dateOfBirth, language) })}</p>
      <nav aria-label={t('workspace.client.sections', { name: client.name })}>
        <ul className="workspace-tabs">
          {TABS.map((tab) => (
            <li key={tab.page}>
              <NavLink to={workspaceClientPath(client.clientId, tab.page)} className="workspace-tabs__link">
                {t(tab.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  )
}
