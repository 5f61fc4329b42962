import { useInfiniteQuery } from '@tanstack/react-query'
import { WorkspaceClientPage } from '@shared/schemas/workspace.ts'
import { apiRequest } from '@/lib/api-client.ts'

export type ClientSearch = { q?: string; dateOfBirth?: string }

export function searchClients(search: ClientSearch, cursor: string | null, signal?: AbortSignal): Promise<WorkspaceClientPage> {
  const query = new URLSearchParams({ limit: '25' })
  if (search.q) query.set('q', search.q)
  if (search.dateOfBirth) query.set('dateOfBirth', search.dateOfBirth)
  if (cursor) query.set('cursor', cursor)
  return apiRequest(`/api/workspace/clients?${query}`, WorkspaceClientPage, { signal })
}

/** The caregiver's clients (their teams' and their own assignments of today), by family name, 25 at a time. */
export function useClientSearch(search: ClientSearch) {
  return useInfiniteQuery({
    queryKey: ['workspace', 'clients', search],
    queryFn: ({ pageParam, signal }) => searchClients(search, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  })
}
