import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Done } from '@shared/schemas/auth.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { SESSION_QUERY_KEY } from './get-session.ts'

/** "Blijf ingelogd": a request that only extends the session's idle time. */
export function keepSessionAlive(): Promise<{ status: 'ok' }> {
  return apiRequest('/api/session/keep-alive', Done, { method: 'POST', body: {} })
}

export function useKeepSessionAlive() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: keepSessionAlive,
    onSuccess: () => queryClient.refetchQueries({ queryKey: SESSION_QUERY_KEY }),
  })
}
