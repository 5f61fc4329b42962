import { useQuery } from '@tanstack/react-query'
import { Profile } from '@shared/schemas/profile.ts'
import { apiRequest } from '@/lib/api-client.ts'

/** Query key of the person's own profile; mutations that answer with a Profile write it here. */
export const PROFILE_KEY = ['profile'] as const

export function getProfile(signal?: AbortSignal): Promise<Profile> {
  return apiRequest('/api/profile', Profile, { signal })
}

/** Name, login name, e-mail, mobile number and second factors of the person logged in. */
export function useProfile() {
  return useQuery({ queryKey: PROFILE_KEY, queryFn: ({ signal }) => getProfile(signal), staleTime: 0 })
}
