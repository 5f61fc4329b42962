import { useMutation, useQueryClient } from '@tanstack/react-query'
import { UnreadCount } from '@shared/schemas/messages.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { INBOX_KEY } from '../../inbox/api/get-inbox.ts'
import { workspaceApiPath, workspaceClientKey } from '../../workspace-paths.ts'

export function markRead(clientId: string, upToMessageId: string): Promise<UnreadCount> {
  return apiRequest(workspaceApiPath(clientId, 'messages/read'), UnreadCount, { method: 'POST', body: { upToMessageId } })
}

/** "Markeer als gelezen": this message and every older one, for this caregiver only; the inbox count follows. */
export function useMarkRead(clientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (upToMessageId: string) => markRead(clientId, upToMessageId),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [...workspaceClientKey(clientId), 'messages'] })
      await queryClient.invalidateQueries({ queryKey: INBOX_KEY })
    },
  })
}
