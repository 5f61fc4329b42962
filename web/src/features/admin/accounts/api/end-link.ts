import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type EndLinkRequest, LinkSummary } from '@shared/schemas/admin-accounts.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { adminKey } from '../../admin-paths.ts'

export function endLink(linkId: string, reason: EndLinkRequest['reason']): Promise<LinkSummary> {
  return apiRequest(`/api/admin/links/${encodeURIComponent(linkId)}/end`, LinkSummary, { method: 'POST', body: { reason } })
}

/** Ends a link (consent withdrawn, or no longer needed): the account's next request through it is refused. */
export function useEndLink() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ linkId, reason }: { linkId: string; reason: EndLinkRequest['reason'] }) => endLink(linkId, reason),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKey('accounts') }),
  })
}
