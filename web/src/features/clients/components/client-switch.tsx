import { useEffect, useId, useRef } from 'react'
import { Link, useLocation, useMatch } from 'react-router'
import type { LinkedClient } from '@shared/schemas/clients.ts'
import { ChevronDownIcon } from '@/components/ui/icons.tsx'
import { CLIENT_PAGES, clientPath, type ClientPage } from '@/lib/client-record-paths.ts'
import { usePageDisclosure } from '@/lib/use-page-disclosure.ts'
import { useT } from '@/i18n/use-t.ts'
import { useCurrentClient } from '../hooks/use-current-client.ts'
import './client-switch.css'

/** Which section of the record a path shows, so switching clients can stay on the same kind of page. */
function pageOf(pathname: string): ClientPage {
  const rest = pathname.split('/').slice(3).join('/')
  const found = (Object.entries(CLIENT_PAGES) as [ClientPage, string][]).find(([, path]) => path === rest)
  return found ? found[0] : 'home'
}

/** The same page for the other client when its link opens that section, otherwise its Home. */
function switchTarget(client: LinkedClient, page: ClientPage): string {
  const needs: Partial<Record<ClientPage, LinkedClient['sections'][number]>> = {
    profile: 'profile', reports: 'reports', carePlanPrints: 'care_plan', messages: 'messages',
    appointments: 'appointments', newAppointment: 'appointments', subscriptions: 'subscriptions',
  }
  const section = needs[page]
  return clientPath(client.clientId, !section || client.sections.includes(section) ? page : 'home')
}

/**
 * The chosen client's name in the header, the Dutch way ("mw. S. uit de Jordaan"). With
 * several clients it opens a list to switch to another one: a disclosure of ordinary links,
 * like the user menu.
 */
export function ClientSwitch() {
  const t = useT()
  const { pathname } = useLocation()
  // The portal's Home: the choice between clients, or on to the only one's Home (home-page.tsx).
  const onHome = useMatch('/home') !== null
  const { client, clients, inRecord, pending } = useCurrentClient()
  const panelId = useId()
  const [open, setOpen] = usePageDisclosure()
  const rootRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!open) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      setOpen(false)
      buttonRef.current?.focus()
    }
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('keydown', onKeyDown)
    document.addEventListener('pointerdown', onPointerDown)
    return () => {
      document.removeEventListener('keydown', onKeyDown)
      document.removeEventListener('pointerdown', onPointerDown)
    }
  }, [open, setOpen])

  // Only on the record's own pages: elsewhere (Mijn profiel, the choice) no record is open.
  if (inRecord && pending) return <ClientSwitchSpace />
  // The portal's Home (/home) sends an account with one client on to that client's Home, where
  // the switch shows; with several it is the choice. Its place is kept there whatever the
  // answer, so the header is the same before and after (the row on a phone appearing with the
  // forward moved the page: 0.041 in Lighthouse) and the choice page keeps it too.
  if (onHome) return <ClientSwitchSpace />
  if (!client || !inRecord) return null
  const label = (
    <span className="client-switch__label">
      <span className="client-switch__caption">{t('clients.recordOf')}</span> <span className="client-switch__name">{client.name}</span>
    </span>
  )
  if (clients.length < 2) return <div className="client-switch client-switch--single">{label}</div>

  const page = pageOf(pathname)
  return (
    <div className="client-switch" ref={rootRef}>
      <button ref={buttonRef} type="button" className="client-switch__toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {label}
        <ChevronDownIcon className="icon client-switch__chevron" />
      </button>
      <div id={panelId} className="client-switch__panel" hidden={!open}>
        <p className="client-switch__intro">{t('clients.switchTo')}</p>
        <ul className="client-switch__list">
          {clients.map((other) => (
            <li key={other.clientId}>
              <Link to={switchTarget(other, page)} aria-current={other.clientId === client.clientId ? 'true' : undefined}>
                {other.name}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}

/**
 * The switch's place on a record's page while the session or the linked clients load, and on the
 * portal's Home: as high as the switch, empty and hidden, so the header does not grow (and push
 * the page down) when the name arrives or Home forwards to the only client's record.
 */
export function ClientSwitchSpace() {
  return (
    <div className="client-switch client-switch--single client-switch--space" aria-hidden="true">
      <span className="client-switch__label">
        <span className="client-switch__caption">{'\u00a0'}</span>
        <span className="client-switch__name">{'\u00a0'}</span>
      </span>
    </div>
  )
}
