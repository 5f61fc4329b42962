import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { SessionAnswer, type SessionState } from '@shared/schemas/auth.ts'
import { ApiError, apiRequest } from '@/lib/api-client.ts'
import { setCsrfToken } from '@/lib/csrf-token.ts'

export const SESSION_QUERY_KEY = ['session'] as const

/**
 * The session of this browser, or null when nobody is logged in (the server says so, or answers
 * 401 to a cookie that no longer works). Its CSRF token goes to the API client, which sends it
 * with every state-changing request.
 */
export async function getSession(signal?: AbortSignal): Promise<SessionState | null> {
  try {
    const session = await apiRequest('/api/session', SessionAnswer, { signal })
    if (session.account === null) {
      setCsrfToken(null)
      return null
    }
    setCsrfToken(session.csrfToken)
    return session
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null)
      return null
    }
    throw error
  }
}

/**
 * Read once per visit and again only when something changed it (login, keep-alive, a new
 * password, accepted terms): every read extends the idle time on the server, so reading it
 * on each window focus would keep a forgotten session alive.
 */
export function useSessionQuery() {
  return useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: ({ signal }) => getSession(signal),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  })
}

/** After logging out (or being logged out): no session, no token, nothing personal left in the cache. */
export function forgetSession(queryClient: QueryClient): void {
  setCsrfToken(null)
  queryClient.setQueryData(SESSION_QUERY_KEY, null)
  queryClient.removeQueries({ predicate: (query) => !['session', 'organisation', 'news', 'password-policy'].includes(String(query.queryKey[0])) })
}

/** Reads the session again after something changed it; resolves when the new state is in. */
export function useRefreshSession(): () => Promise<void> {
  const queryClient = useQueryClient()
  return useCallback(() => queryClient.refetchQueries({ queryKey: SESSION_QUERY_KEY }), [queryClient])
}
