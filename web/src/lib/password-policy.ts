import { useQuery } from '@tanstack/react-query'
import { PasswordPolicyInfo } from '@shared/schemas/auth.ts'
import type { Static } from 'typebox'
import { apiRequest } from '@/lib/api-client.ts'

export type PasswordPolicy = Static<typeof PasswordPolicyInfo>

export function getPasswordPolicy(signal?: AbortSignal): Promise<PasswordPolicy> {
  return apiRequest('/api/password/policy', PasswordPolicyInfo, { signal })
}

/** The organisation's password rule (minimum length, composition on or off). */
export function usePasswordPolicy() {
  return useQuery({ queryKey: ['password-policy'], queryFn: ({ signal }) => getPasswordPolicy(signal), staleTime: Infinity })
}
