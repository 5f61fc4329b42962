import { useEffect, useId, useRef } from 'react'
import { Link } from 'react-router'
import { ChevronDownIcon, PersonIcon } from '@/components/ui/icons.tsx'
import { usePageDisclosure } from '@/lib/use-page-disclosure.ts'
import { useT } from '@/i18n/use-t.ts'
import './user-menu.css'

type UserMenuProps = {
  displayName: string
  onLogout: () => void
}

/**
 * The person icon and name top right, opening "Mijn profiel" and "Uitloggen".
 * A disclosure (button + list), not an ARIA menu: these are ordinary links and buttons,
 * reached with Tab, which is what most people expect on a website.
 */
export function UserMenu({ displayName, onLogout }: UserMenuProps) {
  const t = useT()
  const panelId = useId()
  // Closes after choosing a page, so the phone shows that page.
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

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <PersonIcon />
        <span>{displayName}</span>
        <ChevronDownIcon className="icon user-menu__chevron" />
      </button>
      <ul id={panelId} className="user-menu__panel" hidden={!open}>
        <li>
          <Link to="/mijn-profiel">{t('userMenu.profile')}</Link>
        </li>
        <li>
          <button type="button" className="user-menu__logout" onClick={onLogout}>
            {t('userMenu.logout')}
          </button>
        </li>
      </ul>
    </div>
  )
}
