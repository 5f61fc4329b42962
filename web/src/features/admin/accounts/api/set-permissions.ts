import { useMutation, useQueryClient } from '@tanstack/react-query'
import { LinkSummary, type Permissions } from '@shared/schemas/admin-accounts.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { adminKey } from '../../admin-paths.ts'

export function setPermissions(linkId: string, permissions: Permissions): Promise<LinkSummary> {
  return apiRequest(`/api/admin/links/${encodeURIComponent(linkId)}/permissions`, LinkSummary, { method: 'PUT', body: { permissions } })
}

/** What an active link may see, replaced whole; the portal follows from the next request. */
export function useSetPermissions(linkId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (permissions: Permissions) => setPermissions(linkId, permissions),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKey('accounts') }),
  })
}
