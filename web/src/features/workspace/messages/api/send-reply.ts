import { useMutation, useQueryClient } from '@tanstack/react-query'
import { WorkspaceMessage } from '@shared/schemas/workspace.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { INBOX_KEY } from '../../inbox/api/get-inbox.ts'
import { workspaceApiPath, workspaceClientKey } from '../../workspace-paths.ts'

export function sendReply(clientId: string, body: string): Promise<WorkspaceMessage> {
  return apiRequest(workspaceApiPath(clientId, 'messages'), WorkspaceMessage, { method: 'POST', body: { body } })
}

/** The reply is stored before the answer; the linked accounts get an e-mail that there is one, never its text. */
export function useSendReply(clientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: string) => sendReply(clientId, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [...workspaceClientKey(clientId), 'messages'] })
      await queryClient.invalidateQueries({ queryKey: INBOX_KEY })
    },
  })
}
