import { useMutation, useQueryClient } from '@tanstack/react-query'
import { LinkSummary, type NewLinkRequest } from '@shared/schemas/admin-accounts.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { adminKey } from '../../admin-paths.ts'

export function createLink(accountId: string, request: NewLinkRequest): Promise<LinkSummary> {
  return apiRequest(`/api/admin/accounts/${encodeURIComponent(accountId)}/links`, LinkSummary, { method: 'POST', body: request })
}

/** Links the account to a client with relation, permissions and the recorded consent (its scanned form as a PDF). */
export function useCreateLink(accountId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (request: NewLinkRequest) => createLink(accountId, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKey('accounts') }),
  })
}
