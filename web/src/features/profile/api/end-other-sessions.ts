import { useMutation, useQueryClient } from '@tanstack/react-query'
import { EndedSessions } from '@shared/schemas/profile.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { SESSIONS_KEY } from './get-sessions.ts'

export function endOtherSessions(): Promise<EndedSessions> {
  return apiRequest('/api/profile/sessions/end-others', EndedSessions, { method: 'POST', body: {} })
}

/** "Alle andere sessies beëindigen": logs out every other device; this one stays logged in. */
export function useEndOtherSessions() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: endOtherSessions,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY }),
  })
}
