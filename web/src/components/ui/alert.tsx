import type { ReactNode } from 'react'
import './alert.css'

/**
 * A message that screen readers read out as soon as it appears (role="alert"), for
 * errors that stop the person from going on. Render it only when there is something to say.
 */
export function Alert({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="alert">
      {children}
    </div>
  )
}
