import { useInfiniteQuery } from '@tanstack/react-query'
import { MessageList } from '@shared/schemas/messages.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { clientApiPath } from '@/lib/client-record-paths.ts'

export const messagesKey = (clientId: string) => ['client', clientId, 'messages'] as const

export function getMessages(clientId: string, cursor: string | null, signal?: AbortSignal): Promise<MessageList> {
  const query = new URLSearchParams({ limit: '20' })
  if (cursor) query.set('cursor', cursor)
  return apiRequest(clientApiPath(clientId, `messages?${query}`), MessageList, { signal })
}

/** The conversation, newest first, twenty at a time. */
export function useMessages(clientId: string) {
  return useInfiniteQuery({
    queryKey: messagesKey(clientId),
    queryFn: ({ pageParam, signal }) => getMessages(clientId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 0,
  })
}
