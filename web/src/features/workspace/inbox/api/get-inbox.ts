import { useQuery } from '@tanstack/react-query'
import { Inbox } from '@shared/schemas/workspace.ts'
import { apiRequest } from '@/lib/api-client.ts'

export const INBOX_KEY = ['workspace', 'inbox'] as const

export function getInbox(signal?: AbortSignal): Promise<Inbox> {
  return apiRequest('/api/workspace/inbox', Inbox, { signal })
}

/** Conversations of the caregiver's clients, unread first; the menu shows the total. */
export function useInbox(options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: INBOX_KEY, queryFn: ({ signal }) => getInbox(signal), enabled: options.enabled ?? true, staleTime: 30_000 })
}
