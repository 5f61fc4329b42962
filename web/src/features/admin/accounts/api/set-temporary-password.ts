import { useMutation, useQueryClient } from '@tanstack/react-query'
import { TemporaryPassword } from '@shared/schemas/admin-accounts.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { adminKey } from '../../admin-paths.ts'

export function setTemporaryPassword(accountId: string) {
  return apiRequest(`/api/admin/accounts/${encodeURIComponent(accountId)}/temporary-password`, TemporaryPassword, { method: 'POST', body: {} })
}

/** A new temporary password, answered once: the account must change it at the next login. */
export function useSetTemporaryPassword(accountId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => setTemporaryPassword(accountId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKey('accounts') }),
  })
}
