import { useMatch } from 'react-router'
import { UserMenu } from '@/features/auth/components/user-menu.tsx'
import { useLogout } from '@/features/auth/hooks/use-logout.ts'
import { useSession } from '@/features/auth/hooks/use-session.ts'
import { ClientSwitch, ClientSwitchSpace } from '@/features/clients/components/client-switch.tsx'
import { OrganisationBrand } from '@/features/organisation/components/organisation-brand.tsx'
import { owedStep } from './guards.tsx'
import { LanguageSwitch } from './language-switch.tsx'
import './app-header.css'

/**
 * The brand bar on every page: organisation, language switch, and (when logged in) the user
 * menu; in the portal also whose record this is, with the switch to another client (staff
 * see whose record is open in the workspace's own client header instead).
 */
export function AppHeader() {
  const session = useSession()
  const { logout } = useLogout()
  // A record's page and the portal's Home (which may forward to one) are only shown logged in:
  // while the session loads, the switch's place is kept there.
  const recordPage = useMatch('/client/:clientId/*')
  const home = useMatch('/home')
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <OrganisationBrand />
        {session.status === 'authenticated' && session.kind === 'portal' && owedStep(session) === null ? <ClientSwitch />
        : session.status === 'loading' && (recordPage || home) ? <ClientSwitchSpace />
        : null}
        <div className="app-header__tools">
          <LanguageSwitch />
          {session.status === 'authenticated' ? (
            <UserMenu displayName={session.displayName} onLogout={() => logout('logged-out')} />
          ) : null}
        </div>
      </div>
    </header>
  )
}
