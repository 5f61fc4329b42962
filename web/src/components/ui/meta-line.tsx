import { Fragment, type ReactNode } from 'react'

/**
 * "do 25 jun 2020 | 14:01 | Team Noord | Verzorgende": the facts above an item, as in the
 * Topaz lists. The bars are for the eye only; screen readers hear the facts one by one.
 */
export function MetaLine({ parts, className = '' }: { parts: ReactNode[]; className?: string }) {
  const shown = parts.filter((part) => part !== null && part !== undefined && part !== '')
  return (
    <p className={className}>
      {shown.map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? <span aria-hidden="true"> | </span> : null}
          {index > 0 ? <span className="visually-hidden">, </span> : null}
          {part}
        </Fragment>
      ))}
    </p>
  )
}
