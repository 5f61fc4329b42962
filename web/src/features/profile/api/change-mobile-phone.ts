import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type ChangeMobilePhoneRequest, Profile } from '@shared/schemas/profile.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { PROFILE_KEY } from './get-profile.ts'

export function changeMobilePhone(request: ChangeMobilePhoneRequest): Promise<Profile> {
  return apiRequest('/api/profile/mobile-phone', Profile, { method: 'PUT', body: request })
}

/** Needs a recent login; the server e-mails the person that the number changed. */
export function useChangeMobilePhone() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: changeMobilePhone,
    onSuccess: (profile) => queryClient.setQueryData(PROFILE_KEY, profile),
  })
}
