import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type LoginPolicy, LoginPolicySettings } from '@shared/schemas/login-policy.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { adminKey } from '../../admin-paths.ts'

const KEY = adminKey('organisation', 'login-policy')

/** Which ways in are enough to read the record, and whether DigiD is configured at all. */
export function useLoginPolicy() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => apiRequest('/api/admin/organisation/login-policy', LoginPolicySettings, { signal }),
  })
}

export function useSaveLoginPolicy() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (loginPolicy: LoginPolicy) => apiRequest('/api/admin/organisation/login-policy', LoginPolicySettings, { method: 'PUT', body: { loginPolicy } }),
    onSuccess: (settings) => queryClient.setQueryData(KEY, settings),
  })
}
