import type { ReactNode } from 'react'
import './actions.css'

/** A row of buttons and button links that wraps on a phone. */
export function Actions({ children, className = '' }: { children: ReactNode; className?: string }) {
  return <div className={`actions ${className}`}>{children}</div>
}
