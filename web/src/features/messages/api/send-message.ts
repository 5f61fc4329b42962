import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Message } from '@shared/schemas/messages.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { clientApiPath } from '@/lib/client-record-paths.ts'

export function sendMessage(clientId: string, body: string): Promise<Message> {
  return apiRequest(clientApiPath(clientId, 'messages'), Message, { method: 'POST', body: { body } })
}

/** The server stores the message before it answers, and e-mails the others that there is one (never its text). */
export function useSendMessage(clientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: string) => sendMessage(clientId, body),
    // The conversation and Home both show it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['client', clientId] }),
  })
}
