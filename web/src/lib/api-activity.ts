/**
 * When the app last reached the server. Every API request that gets an answer extends
 * the session's idle time on the server, so the idle-timeout warning counts from here.
 */
let lastAnsweredRequestAt = 0
const listeners = new Set<() => void>()

/** Called by the API client with the moment a request was sent, once it was answered. */
export function noteApiActivity(sentAt: number): void {
  if (sentAt <= lastAnsweredRequestAt) return
  lastAnsweredRequestAt = sentAt
  for (const listener of listeners) listener()
}

export function getLastApiActivity(): number {
  return lastAnsweredRequestAt
}

export function subscribeToApiActivity(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
