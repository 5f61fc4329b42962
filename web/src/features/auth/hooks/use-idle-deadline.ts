import { useSyncExternalStore } from 'react'
import { getLastApiActivity, subscribeToApiActivity } from '@/lib/api-activity.ts'

/**
 * When the session ends if nothing else happens, in this browser's clock: the last moment
 * the server answered us, plus the idle timeout. Counting from our own last request (not
 * from the server's idleExpiresAt) keeps a wrong clock on the device from ending the
 * session early or late. The server writes its "last seen" at most every 30 seconds, so
 * its own end can be up to that much earlier; the warning comes two minutes before.
 */
export function useIdleDeadline(idleTimeoutSeconds: number): number {
  const lastActivity = useSyncExternalStore(subscribeToApiActivity, getLastApiActivity)
  return lastActivity + idleTimeoutSeconds * 1000
}
