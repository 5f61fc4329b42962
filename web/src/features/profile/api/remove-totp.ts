import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Profile } from '@shared/schemas/profile.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { PROFILE_KEY } from './get-profile.ts'

export function removeTotp(): Promise<Profile> {
  return apiRequest('/api/profile/totp', Profile, { method: 'DELETE' })
}

export function useRemoveTotp() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: removeTotp,
    onSuccess: (profile) => queryClient.setQueryData(PROFILE_KEY, profile),
  })
}
