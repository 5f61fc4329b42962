import { type ReactNode, useEffect, useRef } from 'react'
import { useLocation } from 'react-router'

/**
 * The one h1 of a page. After an in-app navigation it takes focus, so keyboard and
 * screen-reader users start on the new page instead of on the link they left; on the
 * first page of a visit (location key "default") focus stays at the top, where the skip link is.
 */
export function PageHeading({ children, className = '' }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null)
  const { key } = useLocation()
  useEffect(() => {
    if (key !== 'default') ref.current?.focus()
  }, [key])
  return (
    <h1 ref={ref} tabIndex={-1} className={`page-heading ${className}`}>
      {children}
    </h1>
  )
}
