import { useQuery } from '@tanstack/react-query'
import { HomeOverview } from '@shared/schemas/home.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { clientApiPath } from '@/lib/client-record-paths.ts'

/** Other pages of the record invalidate this key after a change that Home shows (a message sent, read). */
export const homeKey = (clientId: string) => ['client', clientId, 'home'] as const

export function getHome(clientId: string, signal?: AbortSignal): Promise<HomeOverview> {
  return apiRequest(clientApiPath(clientId, 'home'), HomeOverview, { signal })
}

/** Every card of Home in one request; a card the link may not see is absent from the answer. */
export function useHome(clientId: string) {
  return useQuery({ queryKey: homeKey(clientId), queryFn: ({ signal }) => getHome(clientId, signal), staleTime: 0 })
}
