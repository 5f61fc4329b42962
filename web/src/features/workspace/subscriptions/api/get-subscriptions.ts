import { useQuery } from '@tanstack/react-query'
import { SubscriptionList } from '@shared/schemas/subscriptions.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { workspaceApiPath, workspaceClientKey } from '../../workspace-paths.ts'

export function getSubscriptions(clientId: string, signal?: AbortSignal): Promise<SubscriptionList> {
  return apiRequest(workspaceApiPath(clientId, 'subscriptions'), SubscriptionList, { signal })
}

/** Hairdresser, pedicure and other services, with supplier and period. */
export function useWorkspaceSubscriptions(clientId: string) {
  return useQuery({ queryKey: [...workspaceClientKey(clientId), 'subscriptions'], queryFn: ({ signal }) => getSubscriptions(clientId, signal) })
}
