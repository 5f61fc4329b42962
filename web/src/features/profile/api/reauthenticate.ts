import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type ReauthenticateRequest, Reauthenticated } from '@shared/schemas/profile.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { PROFILE_KEY } from './get-profile.ts'

export function reauthenticate(request: ReauthenticateRequest): Promise<Reauthenticated> {
  return apiRequest('/api/session/reauthenticate', Reauthenticated, { method: 'POST', body: request })
}

/** Proves again, with the password, that it is really this person: for changes to how they log in. */
export function useReauthenticate() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: reauthenticate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PROFILE_KEY, exact: true }),
  })
}
