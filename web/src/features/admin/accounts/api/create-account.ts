import { useMutation, useQueryClient } from '@tanstack/react-query'
import { CreatedAccount, type NewPortalAccountRequest } from '@shared/schemas/admin-accounts.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { adminKey } from '../../admin-paths.ts'

export function createAccount(request: NewPortalAccountRequest): Promise<CreatedAccount> {
  return apiRequest('/api/admin/accounts', CreatedAccount, { method: 'POST', body: request })
}

/** The registration form becomes an account; the server sends the welcome e-mail (or answers a temporary password once). */
export function useCreateAccount() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: createAccount, onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKey('accounts') }) })
}
