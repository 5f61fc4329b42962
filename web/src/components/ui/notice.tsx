import type { ReactNode } from 'react'
import './notice.css'

/**
 * A calm message that is not an error ("U bent uitgelogd."), read out politely by screen
 * readers (role="status").
 */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="notice">
      {children}
    </div>
  )
}
