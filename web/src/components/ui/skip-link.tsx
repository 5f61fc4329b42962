import type { MouseEvent } from 'react'
import './skip-link.css'

/**
 * "Naar de inhoud": the first thing keyboard users reach, jumping past header and menu.
 * Focus is moved by hand so the address bar keeps a clean URL (no #inhoud).
 */
export function SkipLink({ targetId, children }: { targetId: string; children: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(targetId)
    if (!target) return
    event.preventDefault()
    target.focus()
  }
  return (
    <a className="skip-link" href={`#${targetId}`} onClick={onClick}>
      {children}
    </a>
  )
}
