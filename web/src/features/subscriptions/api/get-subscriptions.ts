import { useQuery } from '@tanstack/react-query'
import { SubscriptionList } from '@shared/schemas/subscriptions.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { clientApiPath } from '@/lib/client-record-paths.ts'

export function getSubscriptions(clientId: string, signal?: AbortSignal): Promise<SubscriptionList> {
  return apiRequest(clientApiPath(clientId, 'subscriptions'), SubscriptionList, { signal })
}

/** Services such as the hairdresser and pedicure, with supplier and period. */
export function useSubscriptions(clientId: string) {
  return useQuery({ queryKey: ['client', clientId, 'subscriptions'], queryFn: ({ signal }) => getSubscriptions(clientId, signal) })
}
