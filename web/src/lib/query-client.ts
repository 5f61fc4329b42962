import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { ApiError } from './api-client.ts'

/**
 * Answers that mean the session changed under us: ended, owing a new password or the terms, or
 * no longer enough for the record under the organisation's login policy (step up first).
 */
const SESSION_ERROR_CODES = new Set(['unauthenticated', 'password_change_required', 'terms_required', 'step_up_required'])

/**
 * One retry for failures that may pass (network, 5xx); none for answers that will not
 * change (4xx), so an error state shows within seconds instead of after a long wait.
 * `onSessionError` hears of any request refused because of the session's state (ended
 * on the server, logged out in another tab), so the app can read the session again.
 */
export function createQueryClient(options: { onSessionError?: (code: string) => void; onNotFound?: () => void } = {}): QueryClient {
  const onError = (error: unknown) => {
    if (error instanceof ApiError && SESSION_ERROR_CODES.has(error.code)) options.onSessionError?.(error.code)
    // A record that answers "not found" may be one whose access just ended: the app reads its list of clients again.
    if (error instanceof ApiError && error.code === 'not_found') options.onNotFound?.()
  }
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        retry: (failureCount, error) => failureCount < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  })
}
