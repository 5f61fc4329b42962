import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Done, type VerifyRequest } from '@shared/schemas/auth.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { clearLogoutReason } from '../hooks/use-logout.ts'
import { SESSION_QUERY_KEY } from './get-session.ts'

/** Step two of logging in: the code. On success the server sets the session cookie. */
export function verifyLogin(input: VerifyRequest): Promise<{ status: 'ok' }> {
  return apiRequest('/api/session/verify', Done, { method: 'POST', body: input })
}

export function useVerifyLogin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: verifyLogin,
    // Read the new session (name, CSRF token, what is still owed) before anything else happens.
    onSuccess: () => {
      clearLogoutReason()
      return queryClient.refetchQueries({ queryKey: SESSION_QUERY_KEY })
    },
  })
}
