import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { NotificationSettings, type NotificationSettingsChange, type PushSubscriptionRequest } from '@shared/schemas/notifications.ts'
import { apiRequest } from '@/lib/api-client.ts'

export const NOTIFICATIONS_KEY = ['profile', 'notifications'] as const

/** Meldingen: the person's choices per kind and channel, and the browsers that receive push. */
export function useNotificationSettings() {
  return useQuery({ queryKey: NOTIFICATIONS_KEY, queryFn: ({ signal }) => apiRequest('/api/profile/notifications', NotificationSettings, { signal }) })
}

function useSettingsMutation<T>(send: (input: T) => Promise<NotificationSettings>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: send, onSuccess: (settings) => queryClient.setQueryData(NOTIFICATIONS_KEY, settings) })
}

export function useSaveNotificationSettings() {
  return useSettingsMutation((change: NotificationSettingsChange) => apiRequest('/api/profile/notifications', NotificationSettings, { method: 'PUT', body: change }))
}

export function useAddPushSubscription() {
  return useSettingsMutation((subscription: PushSubscriptionRequest) =>
    apiRequest('/api/profile/notifications/push-subscriptions', NotificationSettings, { method: 'POST', body: subscription }))
}

export function useRemovePushSubscription() {
  return useSettingsMutation((id: string) => apiRequest(`/api/profile/notifications/push-subscriptions/${encodeURIComponent(id)}`, NotificationSettings, { method: 'DELETE' }))
}
