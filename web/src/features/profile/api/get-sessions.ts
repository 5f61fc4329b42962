import { useQuery } from '@tanstack/react-query'
import { SessionList } from '@shared/schemas/profile.ts'
import { apiRequest } from '@/lib/api-client.ts'

export const SESSIONS_KEY = ['profile', 'sessions'] as const

export function getSessions(signal?: AbortSignal): Promise<SessionList> {
  return apiRequest('/api/profile/sessions', SessionList, { signal })
}

/** Where the person is logged in right now, newest first; this device is marked `current`. */
export function useSessions() {
  return useQuery({ queryKey: SESSIONS_KEY, queryFn: ({ signal }) => getSessions(signal), staleTime: 0, refetchOnWindowFocus: false })
}
