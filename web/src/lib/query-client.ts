import { QueryClient } from '@tanstack/react-query'
import { ApiError } from './api-client.ts'

/**
 * One retry for failures that may pass (network, 5xx); none for answers that will not
 * change (4xx), so an error state shows within seconds instead of after a long wait.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        retry: (failureCount, error) => failureCount < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  })
}
