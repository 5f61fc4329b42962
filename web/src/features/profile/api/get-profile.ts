import { useQuery } from '@tanstack/react-query'
import { Profile } from '@shared/schemas/profile.ts'
import { apiRequest } from '@/lib/api-client.ts'

/** Query key of the person's own profile; mutations that answer with a Profile write it here. */
export const PROFILE_KEY = ['profile'] as const

export function getProfile(signal?: AbortSignal): Promise<Profile> {
  return apiRequest('/api/profile', Profile, { signal })
}

/**
 * Name, login name, e-mail, mobile number and second factors of the person logged in.
 * Fresh on every visit to the page, but not re-read on window focus: every request
 * extends the session's idle time, and a forgotten open tab should still time out.
 */
export function useProfile() {
  return useQuery({ queryKey: PROFILE_KEY, queryFn: ({ signal }) => getProfile(signal), staleTime: 0, refetchOnWindowFocus: false })
}
