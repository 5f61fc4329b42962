import { type ComponentType, lazy } from 'react'
import { type MessagePart, loadMessages } from '@/i18n/use-t.ts'

/**
 * A page or layout loaded with its own JavaScript when it is first shown (React.lazy for a
 * named export): the login page does not carry the workspace or the administration along.
 * The nearest <Suspense> (RouteSuspense) shows while the chunk arrives.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }))
}

/** Loads `load` together with the Dutch texts of the parts of the app it shows (use-t.ts). */
export async function withMessages<T>(parts: MessagePart | MessagePart[], load: () => Promise<T>): Promise<T> {
  const [, loaded] = await Promise.all([Promise.all([parts].flat().map(loadMessages)), load()])
  return loaded
}
