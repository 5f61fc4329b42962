import { useQuery } from '@tanstack/react-query'
import { PasswordTokenInfo } from '@shared/schemas/auth.ts'
import { apiRequest } from '@/lib/api-client.ts'

/** Whom a welcome or reset link is for; the token goes in the body, never in a URL. */
export function describePasswordToken(token: string, signal?: AbortSignal): Promise<PasswordTokenInfo> {
  return apiRequest('/api/password/token', PasswordTokenInfo, { method: 'POST', body: { token }, signal })
}

/** A read, although it is a POST: cached for the page, never retried (a dead link stays dead). */
export function usePasswordToken(token: string | null) {
  return useQuery({
    queryKey: ['password-token', token],
    queryFn: ({ signal }) => describePasswordToken(token ?? '', signal),
    enabled: token !== null,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  })
}
