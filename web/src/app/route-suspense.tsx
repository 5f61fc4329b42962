import { type ReactNode, Suspense } from 'react'

/**
 * Where a page whose JavaScript is still on its way (lazy-page.ts) waits: an empty block a
 * screen high, so the footer does not jump up and back while the chunk arrives.
 */
export function RouteSuspense({ children }: { children: ReactNode }) {
  return <Suspense fallback={<div className="route-pending" />}>{children}</Suspense>
}
