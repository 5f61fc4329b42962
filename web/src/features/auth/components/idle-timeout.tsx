import { useEffect, useId, useRef, useState } from 'react'
import { Button } from '@/components/ui/button.tsx'
import { useT } from '@/i18n/use-t.ts'
import { useKeepSessionAlive } from '../api/keep-session-alive.ts'
import { useIdleDeadline } from '../hooks/use-idle-deadline.ts'
import { useLogout } from '../hooks/use-logout.ts'
import './idle-timeout.css'

/** The warning shows this long before the session would end. */
export const IDLE_WARNING_MS = 2 * 60_000

/**
 * Watches the idle time of a logged-in session. Two minutes before it ends, a modal
 * alert dialog asks "Blijf ingelogd" or "Uitloggen"; at the end the person goes to the
 * login page, which says they were logged out for their safety.
 */
export function IdleTimeout({ idleTimeoutSeconds }: { idleTimeoutSeconds: number }) {
  const deadline = useIdleDeadline(idleTimeoutSeconds)
  // The deadline the warning is shown for: any answered request moves the deadline and so hides it.
  const [warnedFor, setWarnedFor] = useState<number | null>(null)
  const { logout } = useLogout()

  useEffect(() => {
    const untilWarning = deadline - IDLE_WARNING_MS - Date.now()
    const warn = setTimeout(() => setWarnedFor(deadline), Math.max(0, untilWarning))
    const end = setTimeout(() => logout('idle'), Math.max(0, deadline - Date.now()))
    return () => {
      clearTimeout(warn)
      clearTimeout(end)
    }
  }, [deadline, logout])

  return warnedFor === deadline ? <IdleWarningDialog onLogout={() => logout('logged-out')} onExpired={() => logout('idle')} /> : null
}

function IdleWarningDialog({ onLogout, onExpired }: { onLogout: () => void; onExpired: () => void }) {
  const t = useT()
  const titleId = useId()
  const textId = useId()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const stayRef = useRef<HTMLButtonElement>(null)
  const keepAlive = useKeepSessionAlive()

  // A modal dialog: the rest of the page is inert, focus goes to the first choice.
  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (!dialog.open) dialog.showModal()
    stayRef.current?.focus()
    return () => dialog.close()
  }, [])

  const stay = () => {
    if (keepAlive.isPending) return
    // The answer moves the deadline, which closes this dialog. A session that already ended cannot be kept.
    keepAlive.mutate(undefined, { onError: onExpired })
  }

  return (
    <dialog
      ref={dialogRef}
      role="alertdialog"
      className="idle-dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        // Escape means the person is here: the same as "Blijf ingelogd".
        event.preventDefault()
        stay()
      }}
    >
      <h2 id={titleId} className="idle-dialog__title">
        {t('idle.title')}
      </h2>
      <p id={textId}>{t('idle.text')}</p>
      <div className="idle-dialog__actions">
        <Button ref={stayRef} onClick={stay} aria-disabled={keepAlive.isPending || undefined}>
          {t('idle.stay')}
        </Button>
        <Button variant="secondary" onClick={onLogout}>
          {t('idle.logout')}
        </Button>
      </div>
    </dialog>
  )
}
