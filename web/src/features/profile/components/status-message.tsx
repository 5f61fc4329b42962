import type { ReactNode } from 'react'
import './status-message.css'

/**
 * A calm confirmation ("Uw wachtwoord is gewijzigd."). The role="status" region stays in
 * the page while empty, so screen readers announce the message when it appears.
 */
export function StatusMessage({ children }: { children?: ReactNode }) {
  return (
    <div role="status" className={children ? 'status-message' : 'status-message status-message--empty'}>
      {children ? <p>{children}</p> : null}
    </div>
  )
}
