import { useMutation, useQueryClient } from '@tanstack/react-query'
import { UnreadCount } from '@shared/schemas/messages.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { clientApiPath } from '@/lib/client-record-paths.ts'

export function markMessagesRead(clientId: string, upToMessageId: string): Promise<UnreadCount> {
  return apiRequest(clientApiPath(clientId, 'messages/read'), UnreadCount, { method: 'POST', body: { upToMessageId } })
}

/**
 * Marks the shown messages as read. The open page keeps its "Nieuw" marks, so the person
 * still sees what was new; only Home (with its count) is refreshed.
 */
export function useMarkMessagesRead(clientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (upToMessageId: string) => markMessagesRead(clientId, upToMessageId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['client', clientId, 'home'] }),
  })
}
