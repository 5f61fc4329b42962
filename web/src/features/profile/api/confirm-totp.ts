import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type ConfirmTotpRequest, RecoveryCodes } from '@shared/schemas/profile.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { PROFILE_KEY } from './get-profile.ts'

export function confirmTotp(request: ConfirmTotpRequest): Promise<RecoveryCodes> {
  return apiRequest('/api/profile/totp/confirm', RecoveryCodes, { method: 'POST', body: request })
}

/** The first code from the app switches it on; the answer holds the recovery codes, shown once. */
export function useConfirmTotp() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: confirmTotp,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PROFILE_KEY, exact: true }),
  })
}
