import { useInfiniteQuery } from '@tanstack/react-query'
import { WorkspaceMessageList } from '@shared/schemas/workspace.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { workspaceApiPath, workspaceClientKey } from '../../workspace-paths.ts'

export function getConversation(clientId: string, cursor: string | null, signal?: AbortSignal): Promise<WorkspaceMessageList> {
  const query = new URLSearchParams({ limit: '20' })
  if (cursor) query.set('cursor', cursor)
  return apiRequest(workspaceApiPath(clientId, `messages?${query}`), WorkspaceMessageList, { signal })
}

/** The conversation with the client's linked accounts, newest first, twenty at a time. */
export function useConversation(clientId: string) {
  return useInfiniteQuery({
    queryKey: [...workspaceClientKey(clientId), 'messages'],
    queryFn: ({ pageParam, signal }) => getConversation(clientId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 0,
  })
}
