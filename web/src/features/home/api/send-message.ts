import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Message } from '@shared/schemas/messages.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { clientApiPath } from '@/lib/client-record-paths.ts'

export function sendMessage(clientId: string, body: string): Promise<Message> {
  return apiRequest(clientApiPath(clientId, 'messages'), Message, { method: 'POST', body: { body } })
}

/** "Stuur" on the Home card; Berichten has its own form with the whole conversation. */
export function useSendMessageFromHome(clientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: string) => sendMessage(clientId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['client', clientId] }),
  })
}
