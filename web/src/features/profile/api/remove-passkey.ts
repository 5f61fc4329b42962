import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Profile } from '@shared/schemas/profile.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { PROFILE_KEY } from './get-profile.ts'

export function removePasskey(id: string): Promise<Profile> {
  return apiRequest(`/api/profile/passkeys/${encodeURIComponent(id)}`, Profile, { method: 'DELETE' })
}

export function useRemovePasskey() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: removePasskey,
    onSuccess: (profile) => queryClient.setQueryData(PROFILE_KEY, profile),
  })
}
