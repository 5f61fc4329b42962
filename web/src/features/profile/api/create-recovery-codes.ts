import { useMutation, useQueryClient } from '@tanstack/react-query'
import { RecoveryCodes } from '@shared/schemas/profile.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { PROFILE_KEY } from './get-profile.ts'

export function createRecoveryCodes(): Promise<RecoveryCodes> {
  return apiRequest('/api/profile/recovery-codes', RecoveryCodes, { method: 'POST', body: {} })
}

/** Ten new recovery codes; the old ones stop working at once. */
export function useCreateRecoveryCodes() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createRecoveryCodes,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PROFILE_KEY, exact: true }),
  })
}
