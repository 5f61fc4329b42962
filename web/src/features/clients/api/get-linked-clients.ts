import { useQuery } from '@tanstack/react-query'
import { LinkedClientList } from '@shared/schemas/clients.ts'
import { apiRequest } from '@/lib/api-client.ts'

export const LINKED_CLIENTS_KEY = ['linked-clients'] as const

export function getLinkedClients(signal?: AbortSignal): Promise<LinkedClientList> {
  return apiRequest('/api/clients', LinkedClientList, { signal })
}

/** The clients this account may see, each with its name the Dutch way and the sections its link opens. */
export function useLinkedClients(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: LINKED_CLIENTS_KEY,
    queryFn: ({ signal }) => getLinkedClients(signal),
    select: (list) => list.items,
    enabled: options.enabled ?? true,
  })
}
